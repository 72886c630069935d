import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { HourlyRetention } from '../retention/hourly-retention.js';
import { RunRecordStore } from './run-record.store.js';
import { RunRecordsConfig } from './run-records.config.js';

/** Deletes run records older than `RUN_RETENTION_DAYS`: once at start, then every hour, a batch at a time. */
@Injectable()
export class RunRetention extends HourlyRetention {
  constructor(store: RunRecordStore, config: RunRecordsConfig, logger: PinoLogger) {
    super({
      deleteBatch: (cutoff, batchSize) => store.deleteCreatedBefore(cutoff, batchSize),
      retentionDays: config.RUN_RETENTION_DAYS,
      batchSize: 1000,
      logger,
      what: 'run records',
    });
  }
}
