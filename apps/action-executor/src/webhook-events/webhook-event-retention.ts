import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { HourlyRetention } from '../retention/hourly-retention.js';
import { WebhooksConfig } from '../webhooks/webhooks.config.js';
import { WebhookEventLogStore } from './webhook-event-log.store.js';

/**
 * Deletes received webhook events older than `WEBHOOK_EVENT_RETENTION_DAYS` with their delivery attempts, but none
 * still being delivered: once at start, then every hour. Every replica sweeps; each skips the rows another is deleting.
 */
@Injectable()
export class WebhookEventRetention extends HourlyRetention {
  constructor(store: WebhookEventLogStore, config: WebhooksConfig, logger: PinoLogger) {
    super({
      deleteBatch: (cutoff, batchSize) => store.deleteReceivedBefore(cutoff, batchSize),
      retentionDays: config.WEBHOOK_EVENT_RETENTION_DAYS,
      // Each event takes its attempts with it, so batches are smaller than the run records'.
      batchSize: 500,
      logger,
      what: 'webhook events',
    });
  }
}
