import { Type } from 'class-transformer';
import { IsInt, Matches, Min, ValidateNested } from 'class-validator';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import { RunActionBody, RunActionRequest } from './action-run.dto.js';
import type { RunRecordStatus } from './run-record.dto.js';

/** Run ids: `run_` and a UUID, the same for dispatched and synchronous runs. */
export const RUN_ID_PATTERN = /^run_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `actions.action.dispatch`: the same run as `actions.action.run`, queued instead of waited for. The run's target
 * (product, connection, env, action) is checked before it is queued, so those mistakes are refused at once.
 */
export class DispatchActionRequest extends RunActionRequest {}

/** Reply of `actions.action.dispatch` (HTTP 202): the run's id, for `actions.run.fetch`. */
export interface ActionDispatchReply {
  run_id: string;
  /** `queued` for a new run; a dispatch repeated under the same Idempotency-Key gets its run's current state. */
  status: RunRecordStatus;
}

/**
 * What the executor publishes to the dispatch stream for each dispatched run, and reads back on every delivery.
 * It carries the input with its references as written: secret values are resolved on each attempt, never queued.
 */
export class DispatchedRunMessage extends WorkspaceScopedRequest {
  @Matches(RUN_ID_PATTERN, { message: '$property must be run_ followed by a UUID' })
  run_id!: string;

  @ValidateNested()
  @Type(() => RunActionBody)
  run!: RunActionBody;

  /** When the run was dispatched, in milliseconds since the epoch: each attempt's queue time starts there. */
  @Min(0)
  @IsInt()
  dispatched_at!: number;
}
