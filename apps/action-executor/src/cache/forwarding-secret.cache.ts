import type { WebhookForwardingSecretView } from '@switchboard/contracts';
import { WorkspaceCache } from './workspace-cache.js';

/**
 * Each webhook's forwarding secrets (the current one, and the one a rotation replaced while its overlap lasts), per
 * (workspace, product, tag); dropped for the workspace on `events.secrets.webhook-forwarding-secret.rotated`, so the
 * next delivery after a rotation signs with the new secret.
 */
export class ForwardingSecretCache extends WorkspaceCache<WebhookForwardingSecretView> {
  constructor(maxAgeMs: number, maxEntries: number) {
    super({ maxEntries, maxAgeMs });
  }
}
