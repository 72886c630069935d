import type { ServiceDatabase } from '@switchboard/platform';
import { RunRecordEntity } from '../run-records/run-record.entity.js';
import { CreateActionRuns1764000000000 } from './migrations/1764000000000-create-action-runs.js';
import { AddDispatchedRunStates1765100000000 } from './migrations/1765100000000-add-dispatched-run-states.js';
import { AddDispatchKeys1765200000000 } from './migrations/1765200000000-add-dispatch-keys.js';
import { AddDispatchFingerprints1765400000000 } from './migrations/1765400000000-add-dispatch-fingerprints.js';
import { AscendingRunListIndex1765600000000 } from './migrations/1765600000000-ascending-run-list-index.js';

/** The action-executor service's own schema: run records. */
export const actionExecutorDatabase: ServiceDatabase = {
  schema: 'action_executor',
  entities: [RunRecordEntity],
  migrations: [CreateActionRuns1764000000000, AddDispatchedRunStates1765100000000, AddDispatchKeys1765200000000, AddDispatchFingerprints1765400000000, AscendingRunListIndex1765600000000],
};
