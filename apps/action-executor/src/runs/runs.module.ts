import { Module } from '@nestjs/common';
import { CacheInvalidation } from '../cache/cache-invalidation.js';
import { RunPlanCache } from '../cache/run-plan.cache.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { RunRecordsModule } from '../run-records/run-records.module.js';
import { ActionRunner } from './action-runner.js';
import { RunTargetLoader } from './run-target.loader.js';
import { RunsController } from './runs.controller.js';

/** The synchronous run path: `actions.action.run` answered by any replica of the executor's queue group. */
@Module({
  imports: [OutboundModule, RunRecordsModule],
  controllers: [RunsController],
  providers: [
    ActionRunner,
    RunTargetLoader,
    RunPlanCache,
    CacheInvalidation,
  ],
})
export class RunsModule {}
