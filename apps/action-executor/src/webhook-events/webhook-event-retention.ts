import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { WebhooksConfig } from '../webhooks/webhooks.config.js';
import { WebhookEventLogStore } from './webhook-event-log.store.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
// Small deletes keep each statement's locks and WAL short, so receipts storing new events never wait long.
const DELETE_BATCH = 500;

/**
 * Deletes received webhook events older than `WEBHOOK_EVENT_RETENTION_DAYS`, with their delivery attempts: once at
 * start, then every hour, a batch at a time. Every replica sweeps; each skips the rows another is deleting.
 */
@Injectable()
export class WebhookEventRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<void> | undefined;
  #stopped = false;

  constructor(
    private readonly store: WebhookEventLogStore,
    private readonly config: WebhooksConfig,
    private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.#startSweep();
    this.#timer = setInterval(() => this.#startSweep(), SWEEP_INTERVAL_MS);
    // Housekeeping: it must never keep a stopping process alive.
    this.#timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#sweeping;
  }

  /** Deletes every event received before `now` minus the retention (but one still being delivered), and says how many. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.WEBHOOK_EVENT_RETENTION_DAYS * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.store.deleteReceivedBefore(cutoff, DELETE_BATCH);
      total += deleted;
      if (deleted < DELETE_BATCH || this.#stopped) return total;
    }
  }

  #startSweep(): void {
    if (this.#sweeping !== undefined) return;
    this.#sweeping = this.sweep()
      .then((deleted) => {
        if (deleted > 0) this.logger.info({ deleted, retention_days: this.config.WEBHOOK_EVENT_RETENTION_DAYS }, 'deleted expired webhook events');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'webhook event retention sweep failed; retrying in an hour'))
      .finally(() => {
        this.#sweeping = undefined;
      });
  }
}
