import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PeriodicSweeper } from '../jetstream/periodic-sweeper.js';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { WebhookEventStore } from './webhook-event.store.js';
import { WebhooksConfig } from './webhooks.config.js';

const SWEEP_BATCH = 500;

/**
 * Queues accepted events whose message never reached the delivery stream: the executor stored one and died before
 * publishing, or the stream did not confirm in time. Every `WEBHOOK_SWEEP_INTERVAL_MS` it publishes those older than
 * one interval (younger ones may still be publishing). Every replica sweeps; the event id as message id makes the
 * stream store a message once within its duplicate window, and a delivery of an event already delivered sends nothing.
 */
@Injectable()
export class WebhookDeliverySweeper extends PeriodicSweeper {
  constructor(
    private readonly store: WebhookEventStore,
    private readonly queue: WebhookDeliveryQueue,
    private readonly config: WebhooksConfig,
    logger: PinoLogger,
  ) {
    super(config.WEBHOOK_SWEEP_INTERVAL_MS, { handled: 'queued stored webhook events that had not reached the delivery stream', failed: 'webhook delivery sweep failed; retrying at the next interval' }, logger);
  }

  /** Publishes every accepted event received before `now` minus one interval that is not in the stream; says how many. */
  async sweep(now = new Date()): Promise<number> {
    const unqueued = await this.store.unqueued(new Date(now.getTime() - this.config.WEBHOOK_SWEEP_INTERVAL_MS), SWEEP_BATCH);
    for (const event of unqueued) {
      await this.queue.publish({ workspace_id: event.workspace_id, event_id: event.id, ...(event.replays > 0 ? { replay: event.replays } : {}) });
      await this.store.markEnqueued(event.id);
    }
    return unqueued.length;
  }
}
