import { Injectable } from '@nestjs/common';
import { Subjects, type WebhookForwardingSecretView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { ForwardingSecretCache } from '../cache/forwarding-secret.cache.js';

/**
 * The secrets a forwarded event is signed with: the current one, and during a rotation's overlap the one it replaced,
 * so a receiver holding either accepts. The overlap's end is checked at each signing, not when the view was loaded.
 */
export function signingSecretsOf(view: WebhookForwardingSecretView, now: Date): string[] {
  return view.previous !== null && Date.parse(view.previous.expires_at) > now.getTime() ? [view.secret, view.previous.secret] : [view.secret];
}

/**
 * Each webhook's forwarding secrets, kept by the secrets-vault (made there on first use, rotated by the product),
 * cached like other secret values: dropped on a rotation's event, on NATS reconnects and by the cache's age.
 */
@Injectable()
export class ForwardingSecrets {
  constructor(
    private readonly nats: NatsRequester,
    private readonly cache: ForwardingSecretCache,
  ) {}

  /** The secrets to sign the webhook's next forwarded event with, the current one first. */
  async of(workspaceId: string, product: string, webhook: string): Promise<string[]> {
    const { value } = await this.cache.getOrLoad(workspaceId, `${product}/${webhook}`, () =>
      this.nats.request<WebhookForwardingSecretView>(Subjects.SecretsWebhookForwardingSecretEnsure, { workspace_id: workspaceId, product, webhook }),
    );
    return signingSecretsOf(value, new Date());
  }
}
