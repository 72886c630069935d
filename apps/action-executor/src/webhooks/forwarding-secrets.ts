import { Inject, Injectable } from '@nestjs/common';
import { Subjects, type WebhookForwardingSecretView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { WorkspaceCache } from '../cache/workspace-cache.js';

export const FORWARDING_SECRET_CACHE = Symbol('FORWARDING_SECRET_CACHE');

/**
 * The secret each webhook's forwarded events are signed with, kept by the secrets-vault (made there on first use),
 * cached like other secret values: dropped with the workspace's on `events.secrets.>` is not needed, as it never
 * changes once made, so only the cache's age bounds it.
 */
@Injectable()
export class ForwardingSecrets {
  constructor(
    private readonly nats: NatsRequester,
    @Inject(FORWARDING_SECRET_CACHE) private readonly cache: WorkspaceCache<WebhookForwardingSecretView>,
  ) {}

  async of(workspaceId: string, product: string, webhook: string): Promise<string> {
    const { value } = await this.cache.getOrLoad(workspaceId, `${product}/${webhook}`, () =>
      this.nats.request<WebhookForwardingSecretView>(Subjects.SecretsWebhookForwardingSecretEnsure, { workspace_id: workspaceId, product, webhook }),
    );
    return value.secret;
  }
}
