import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryMessage } from '@switchboard/contracts';
import { PinoLogger } from 'nestjs-pino';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { WebhookEventStore } from './webhook-event.store.js';

/**
 * Queues a round of an event's delivery once the event is stored as queued: publishes it and notes it enqueued. A
 * publish that fails is logged and left to the sweeper, since the stored event is what the caller was promised.
 */
@Injectable()
export class WebhookDeliveryEnqueuer {
  constructor(
    private readonly queue: WebhookDeliveryQueue,
    private readonly store: WebhookEventStore,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('webhooks');
  }

  async enqueue(message: WebhookDeliveryMessage): Promise<void> {
    try {
      await this.queue.publish(message);
      await this.store.markEnqueued(message.event_id);
    } catch (error) {
      this.logger.warn({ err: error, workspace_id: message.workspace_id, event_id: message.event_id }, 'webhook event stored but not queued; the sweeper will queue it');
    }
  }
}
