import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { HourlyRetention } from '../retention/hourly-retention.js';
import { WebhooksConfig } from '../webhooks/webhooks.config.js';
import { WebhookEventLogStore } from './webhook-event-log.store.js';

/**
 * Deletes received webhook events older than `WEBHOOK_EVENT_RETENTION_DAYS`, with their delivery attempts: once at
 * start, then every hour, a batch at a time. Every replica sweeps; each skips the rows another is deleting.
 */
@Injectable()
export class WebhookEventRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #retention: HourlyRetention;

  constructor(store: WebhookEventLogStore, config: WebhooksConfig, logger: PinoLogger) {
    this.#retention = new HourlyRetention({
      deleteBatch: (cutoff, batchSize) => store.deleteReceivedBefore(cutoff, batchSize),
      retentionDays: config.WEBHOOK_EVENT_RETENTION_DAYS,
      // Each event takes its attempts with it, so batches are smaller than the run records'.
      batchSize: 500,
      logger,
      what: 'webhook events',
    });
  }

  onApplicationBootstrap(): void {
    this.#retention.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.#retention.stop();
  }

  /** Deletes every event received before `now` minus the retention (but one still being delivered), and says how many. */
  sweep(now = new Date()): Promise<number> {
    return this.#retention.sweep(now);
  }
}
