import type { WebhookDefinition } from '@switchboard/contracts';
import type { WebhookEntity } from './webhook.entity.js';

/** The wire form of a stored webhook, envs in the order they were given. */
export function toWebhookDefinition(webhook: WebhookEntity): WebhookDefinition {
  return {
    tag: webhook.tag,
    name: webhook.name,
    product: webhook.productTag,
    scheme: webhook.scheme,
    app: webhook.appAccessTag,
    signing_secret: webhook.signingSecret,
    envs: [...(webhook.envs ?? [])].sort((a, b) => a.position - b.position).map((env) => ({ env: env.envSlug, receive_id: env.receiveId })),
    forward_url: webhook.forwardUrl,
    tolerance_seconds: webhook.toleranceSeconds,
    hmac: webhook.hmac,
    created_at: webhook.createdAt.toISOString(),
    updated_at: webhook.updatedAt.toISOString(),
  };
}
