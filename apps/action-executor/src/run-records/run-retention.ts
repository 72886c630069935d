import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { HourlyRetention } from '../retention/hourly-retention.js';
import { RunRecordStore } from './run-record.store.js';
import { RunRecordsConfig } from './run-records.config.js';

/** Deletes run records older than `RUN_RETENTION_DAYS`: once at start, then every hour, a batch at a time. */
@Injectable()
export class RunRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #retention: HourlyRetention;

  constructor(store: RunRecordStore, config: RunRecordsConfig, logger: PinoLogger) {
    this.#retention = new HourlyRetention({
      deleteBatch: (cutoff, batchSize) => store.deleteCreatedBefore(cutoff, batchSize),
      retentionDays: config.RUN_RETENTION_DAYS,
      batchSize: 1000,
      logger,
      what: 'run records',
    });
  }

  onApplicationBootstrap(): void {
    this.#retention.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.#retention.stop();
  }

  /** Deletes every record created before `now` minus the retention, and says how many. */
  sweep(now = new Date()): Promise<number> {
    return this.#retention.sweep(now);
  }
}
