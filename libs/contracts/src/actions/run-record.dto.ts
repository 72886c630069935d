import { Type } from 'class-transformer';
import { IsIn, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsInstant } from '../common/instant.js';
import { IsQueryInteger } from '../common/query-integer.js';
import { IsOmittable, IsTag } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/**
 * `succeeded`: the upstream answered, whatever its status. `failed`: an error came before or instead of an answer, and
 * sending again could not help. Dispatched runs also pass through `queued` (waiting for an executor, at first or before
 * a retry) and `running` (an attempt is under way), and end `dead_lettered` when their last allowed attempt failed in a
 * way a retry might have cured (the upstream unreachable or too slow, the executor stopped).
 */
export const RUN_RECORD_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'dead_lettered'] as const;
export type RunRecordStatus = (typeof RUN_RECORD_STATUSES)[number];

/** Largest page of `actions.run.list`. */
export const RUN_LIST_MAX_LIMIT = 200;
/** Page size of `actions.run.list` when none is asked for. */
export const RUN_LIST_DEFAULT_LIMIT = 50;

/** Query of `GET /v1/actions/runs`: which run records, newest first. */
export class RunRecordsQuery {
  @IsOmittable()
  @IsTag()
  product?: string;

  /** The connected app's access tag (`app` in `actions.run`). */
  @IsOmittable()
  @IsTag()
  app?: string;

  @IsOmittable()
  @IsIn(RUN_RECORD_STATUSES, { message: `$property must be one of ${RUN_RECORD_STATUSES.join(', ')}` })
  status?: RunRecordStatus;

  @IsOmittable()
  @Min(1)
  @Max(RUN_LIST_MAX_LIMIT)
  @IsQueryInteger()
  limit?: number;

  /** Only runs created strictly before this instant: the `created_at` of the last run of the previous page. */
  @IsOmittable()
  @IsInstant({ message: '$property must be an ISO 8601 date-time (the created_at of the last run of the previous page)' })
  before?: string;

  /** Only runs created strictly after this instant: the start of a time range. */
  @IsOmittable()
  @IsInstant({ message: '$property must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z' })
  after?: string;
}

/** `actions.run.list`: the workspace's run records, newest first. */
export class ListRunRecordsRequest extends WorkspaceScopedRequest {
  @ValidateNested()
  @Type(() => RunRecordsQuery)
  query!: RunRecordsQuery;
}

/** `actions.run.fetch`: one run record of the workspace. */
export class FetchRunRecordRequest extends WorkspaceScopedRequest {
  /** `run_<uuid>`, as `actions.run` returned it; any other string is simply not found. */
  @Length(1, 128)
  @IsString()
  run_id!: string;
}

/**
 * Where the time of a run went, in milliseconds; `null` for a phase the run never reached.
 * `queue_ms` is measured from the gateway's clock to the executor's, so it is only as exact as their agreement.
 */
export interface RunRecordTimings {
  /** From the gateway sending the run to the executor starting it; for a dispatched run, to the start of its latest attempt. */
  queue_ms: number | null;
  /** Loading the target and resolving the referenced secrets. */
  resolve_ms: number | null;
  /** Finding and checking the upstream's address (DNS and the address policy); pooled connections are reused, so opening one counts in `upstream_ms`. */
  connect_ms: number | null;
  /** The outbound call: every attempt, and the waits between them. */
  upstream_ms: number | null;
  /** `null` only for a dispatched run none of whose attempts has ended yet. */
  total_ms: number | null;
}

/**
 * The request as the caller wrote it: every secret reference shown as written (`$Token{STRIPE_KEY}`), never its value.
 * `method` and `url` are `null` when the run failed before its target was known.
 */
export interface RunRecordRequest {
  method: string | null;
  url: string | null;
  headers: Record<string, string>;
  body: unknown;
}

/** One run record: what ran, how it ended, where the time went, and which secret versions it used. */
export interface RunRecordView {
  run_id: string;
  product: string;
  /** The connected app's access tag. */
  access_tag: string;
  /** The app's tag; `null` when the run failed before its connection was found. */
  app: string | null;
  env: string;
  /** The action's tag. */
  event: string;
  status: RunRecordStatus;
  /** The upstream's status; `null` when it never answered. */
  http_status: number | null;
  error_code: string | null;
  error_message: string | null;
  request: RunRecordRequest;
  /** The version of each secret the run used, by key. */
  secret_versions: Record<string, number>;
  timings: RunRecordTimings;
  /** Attempts started so far: 1 for a synchronous run; for a dispatched run, 0 until an executor takes it. */
  attempts: number;
  /** Attempts allowed: 1 for a synchronous run, the executor's `DISPATCH_MAX_ATTEMPTS` for a dispatched one. */
  max_attempts: number;
  /** When the run started (dispatched runs: when they were queued), ISO 8601 with microseconds; pass it as `before` to read the next page. */
  created_at: string;
}
