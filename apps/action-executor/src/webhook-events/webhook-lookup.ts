import { Injectable } from '@nestjs/common';
import { ErrorCode, Subjects, type WebhookDefinition, type WebhookTagRequest } from '@switchboard/contracts';
import { DomainError, NatsRequester } from '@switchboard/platform';
import type { WebhookKey } from './webhook-event-log.store.js';

/**
 * The webhook a call of the events or targets API names, asked of the connection service first, so a tag the product
 * does not have (another product's, another workspace's) is `webhook_not_found` whatever rows the executor holds.
 */
@Injectable()
export class WebhookLookup {
  constructor(private readonly nats: NatsRequester) {}

  async of(request: WebhookTagRequest): Promise<{ key: WebhookKey; webhook: WebhookDefinition }> {
    const webhook = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookFetch, {
      workspace_id: request.workspace_id,
      product_tag: request.product_tag,
      webhook_tag: request.webhook_tag,
    });
    return { key: { workspaceId: request.workspace_id, product: webhook.product, webhook: webhook.tag }, webhook };
  }

  /** The webhook and its forward URL as it is now; `webhook_forward_url_missing` without one. */
  async forwarding(request: WebhookTagRequest): Promise<{ key: WebhookKey; forwardUrl: string }> {
    const { key, webhook } = await this.of(request);
    if (webhook.forward_url === null) {
      throw new DomainError(
        ErrorCode.WebhookForwardUrlMissing,
        `Webhook '${webhook.tag}' has no forward_url, so there is nowhere to deliver its events: set one, or pull them with events.list`,
        { webhook: webhook.tag, product: webhook.product },
      );
    }
    return { key, forwardUrl: webhook.forward_url };
  }
}
