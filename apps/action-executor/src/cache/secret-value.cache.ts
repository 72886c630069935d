import type { ResolvedSecretsReply } from '@switchboard/contracts';
import { WorkspaceCache } from './workspace-cache.js';

/**
 * The secrets a run resolved, per (workspace, the keys it references, app, access tag, env), the things the secrets
 * service's checks depend on; dropped for the whole workspace on any `events.secrets.*`, so a rotation applies to
 * the very next run.
 */
export class SecretValueCache extends WorkspaceCache<ResolvedSecretsReply['secrets']> {
  constructor(maxAgeMs: number, maxEntries: number) {
    super({ maxEntries, maxAgeMs });
  }
}
