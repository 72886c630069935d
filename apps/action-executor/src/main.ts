import 'reflect-metadata';
import { QueueGroups, Subjects } from '@switchboard/contracts';
import { startMicroservice } from '@switchboard/platform';
import { actionExecutorDatabase } from './database/action-executor.database.js';
import { DispatchModule } from './dispatch/dispatch.module.js';
import { IntegrationFetchModule } from './integration-fetch/integration-fetch.module.js';
import { RunsModule } from './runs/runs.module.js';

await startMicroservice({
  service: 'action-executor',
  queue: QueueGroups.ActionExecutor,
  healthSubject: Subjects.ActionsHealthCheck,
  database: actionExecutorDatabase,
  features: [RunsModule, IntegrationFetchModule, DispatchModule],
});
