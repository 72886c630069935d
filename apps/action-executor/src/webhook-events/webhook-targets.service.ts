import { Injectable } from '@nestjs/common';
import {
  HEALTHY_WEBHOOK_DELIVERY,
  type ListWebhookDeliveryStatesRequest,
  type WebhookDeliveryStateEntry,
  type WebhookTagRequest,
  type WebhookTargetEnabled,
} from '@switchboard/contracts';
import { PinoLogger } from 'nestjs-pino';
import { WebhookDeliveryEnqueuer } from '../webhooks/webhook-delivery-enqueuer.js';
import { WebhookTargetStore } from '../webhooks/webhook-target.store.js';
import { WebhookLookup } from './webhook-lookup.js';

/** The forward targets' delivery states for the webhook views, and enabling a disabled one again. */
@Injectable()
export class WebhookTargets {
  constructor(
    private readonly webhooks: WebhookLookup,
    private readonly store: WebhookTargetStore,
    private readonly deliveries: WebhookDeliveryEnqueuer,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('webhooks');
  }

  /** Asked by the gateway with tags the connection service has just answered, so the webhooks are not looked up again. */
  states(request: ListWebhookDeliveryStatesRequest): Promise<WebhookDeliveryStateEntry[]> {
    return this.store.states(request.workspace_id, request.product_tag, request.webhook_tag);
  }

  /** Enables the target and queues its held events, each in a new delivery round, to the forward URL as it is now. */
  async enable(request: WebhookTagRequest): Promise<WebhookTargetEnabled> {
    const { key, forwardUrl } = await this.webhooks.forwarding(request);
    const target = { workspace_id: key.workspaceId, product: key.product, webhook: key.webhook };
    const rounds = await this.store.enable(target, forwardUrl);
    await this.deliveries.enqueueRounds(key.workspaceId, rounds);
    this.logger.info({ workspace_id: key.workspaceId, product: key.product, webhook: key.webhook, released: rounds.length }, 'webhook forward target enabled');
    const [state] = await this.store.states(key.workspaceId, key.product, key.webhook);
    return { delivery: state?.delivery ?? HEALTHY_WEBHOOK_DELIVERY, released: rounds.length };
  }
}
