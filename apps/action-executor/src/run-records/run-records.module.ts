import { Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { runRecordRowsOf } from './run-record.builder.js';
import { RunMetrics } from './run-metrics.js';
import { RunRecordStore } from './run-record.store.js';
import { RunRecordWriter } from './run-record-writer.js';
import { RunRecordsController } from './run-records.controller.js';
import { RunRetention } from './run-retention.js';

/** Run records: written in batches after each run's reply, listed and fetched over NATS, deleted after the retention. */
@Module({
  controllers: [RunRecordsController],
  providers: [
    RunRecordStore,
    RunRetention,
    RunMetrics,
    {
      provide: RunRecordWriter,
      inject: [RunRecordStore, PinoLogger],
      useFactory: (store: RunRecordStore, logger: PinoLogger) => new RunRecordWriter((runs) => store.insert(runRecordRowsOf(runs, logger)), logger),
    },
  ],
  // The dispatch path writes each state change of its runs itself, through the store.
  exports: [RunRecordWriter, RunRecordStore, RunMetrics],
})
export class RunRecordsModule implements BeforeApplicationShutdown {
  constructor(private readonly writer: RunRecordWriter) {}

  // Before, not on, application shutdown: TypeORM closes the data source in its own onApplicationShutdown, and
  // Nest does not order that hook between modules at the same depth.
  async beforeApplicationShutdown(): Promise<void> {
    await this.writer.close();
  }
}
