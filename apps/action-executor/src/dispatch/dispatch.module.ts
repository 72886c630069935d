import { Module } from '@nestjs/common';
import { StreamMetricsModule } from '../jetstream/stream-metrics.module.js';
import { RunRecordsModule } from '../run-records/run-records.module.js';
import { RunsModule } from '../runs/runs.module.js';
import { DispatchController } from './dispatch.controller.js';
import { DispatchPuller } from './dispatch-puller.js';
import { DispatchQueue } from './dispatch-queue.js';
import { DispatchedRunHandler } from './dispatched-run.handler.js';
import { RunDispatcher } from './run-dispatcher.js';
import { DispatchSweeper } from './dispatch-sweeper.js';

/**
 * Dispatched runs: `actions.action.dispatch` records a run `queued` and stores it in the JetStream stream this
 * executor sets up; every replica pulls from one durable consumer and runs what it gets through the ActionRunner,
 * acknowledging each run only once its outcome is recorded.
 */
@Module({
  imports: [RunsModule, RunRecordsModule, StreamMetricsModule],
  controllers: [DispatchController],
  providers: [DispatchQueue, RunDispatcher, DispatchedRunHandler, DispatchPuller, DispatchSweeper],
})
export class DispatchModule {}
