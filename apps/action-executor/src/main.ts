import 'reflect-metadata';
import { QueueGroups, Subjects } from '@switchboard/contracts';
import { startMicroservice } from '@switchboard/platform';
import { actionExecutorDatabase } from './database/action-executor.database.js';

await startMicroservice({
  service: 'action-executor',
  queue: QueueGroups.ActionExecutor,
  healthSubject: Subjects.ActionsHealthCheck,
  database: actionExecutorDatabase,
  features: [],
});
