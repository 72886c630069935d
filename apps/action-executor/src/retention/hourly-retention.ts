import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { PinoLogger } from 'nestjs-pino';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What one retention deletes, and how. */
export interface HourlyRetentionOptions {
  /** Deletes up to `batchSize` rows older than `cutoff` and says how many it deleted. */
  deleteBatch: (cutoff: Date, batchSize: number) => Promise<number>;
  retentionDays: number;
  /** Small deletes keep each statement's locks and WAL short, so writers of new rows never wait long. */
  batchSize: number;
  logger: PinoLogger;
  /** What is deleted, for the logs: `run records`, `webhook events`. */
  what: string;
}

/**
 * Deletes rows older than a number of days: once at the application's start, then every hour, a batch at a time,
 * until it shuts down. A provider extends it with what it deletes.
 */
export abstract class HourlyRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<void> | undefined;
  #stopped = false;

  protected constructor(private readonly options: HourlyRetentionOptions) {}

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

  /** Deletes every row older than `now` minus the retention, and says how many. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionDays * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.options.deleteBatch(cutoff, this.options.batchSize);
      total += deleted;
      if (deleted < this.options.batchSize || this.#stopped) return total;
    }
  }

  #startSweep(): void {
    if (this.#sweeping !== undefined) return;
    const { logger, what, retentionDays } = this.options;
    this.#sweeping = this.sweep()
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted, retention_days: retentionDays }, `deleted expired ${what}`);
      })
      .catch((error: unknown) => logger.warn({ err: error }, `${what} retention sweep failed; retrying in an hour`))
      .finally(() => {
        this.#sweeping = undefined;
      });
  }
}
