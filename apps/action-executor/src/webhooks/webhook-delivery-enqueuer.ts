import { Injectable } from '@nestjs/common';
import type { WebhookDeliveryMessage } from '@switchboard/contracts';
import { PinoLogger } from 'nestjs-pino';
import type { DeliveryRound } from './delivery-rounds.js';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { WebhookEventStore } from './webhook-event.store.js';

// Publishes under way at once: enough to queue a thousand events well within a request's timeout.
const PUBLISH_CONCURRENCY = 50;

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

  /** Queues rounds begun by a replay or an enable, after their commit, a few at a time. */
  async enqueueRounds(workspaceId: string, rounds: readonly DeliveryRound[]): Promise<void> {
    for (let start = 0; start < rounds.length; start += PUBLISH_CONCURRENCY) {
      await Promise.all(rounds.slice(start, start + PUBLISH_CONCURRENCY).map((round) => this.enqueue({ workspace_id: workspaceId, event_id: round.id, replay: round.replays })));
    }
  }
}
