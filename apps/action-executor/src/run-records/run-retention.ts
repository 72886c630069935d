import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { RunRecordStore } from './run-record.store.js';
import { RunRecordsConfig } from './run-records.config.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
// Small deletes keep each statement's locks and WAL short, so writers of new records never wait long.
const DELETE_BATCH = 1000;

/** Deletes run records older than `RUN_RETENTION_DAYS`: once at start, then every hour, a batch at a time. */
@Injectable()
export class RunRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  #timer: NodeJS.Timeout | undefined;
  #sweeping: Promise<number> | undefined;
  #stopped = false;

  constructor(
    private readonly store: RunRecordStore,
    private readonly config: RunRecordsConfig,
    private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.#startSweep();
    this.#timer = setInterval(() => this.#startSweep(), SWEEP_INTERVAL_MS);
    // The sweep is housekeeping: it must never keep a stopping process alive.
    this.#timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#sweeping;
  }

  /** Deletes every record created before `now` minus the retention, and says how many. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.RUN_RETENTION_DAYS * DAY_MS);
    let total = 0;
    for (;;) {
      const deleted = await this.store.deleteCreatedBefore(cutoff, DELETE_BATCH);
      total += deleted;
      if (deleted < DELETE_BATCH || this.#stopped) return total;
    }
  }

  #startSweep(): void {
    if (this.#sweeping !== undefined) return;
    this.#sweeping = this.sweep()
      .then((deleted) => {
        if (deleted > 0) this.logger.info({ deleted, retention_days: this.config.RUN_RETENTION_DAYS }, 'deleted expired run records');
        return deleted;
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'run record retention sweep failed; retrying in an hour');
        return 0;
      })
      .finally(() => {
        this.#sweeping = undefined;
      });
  }
}
