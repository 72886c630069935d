import type { DispatchedRunMessage, RunActionBody, RunRecordStatus } from '@switchboard/contracts';
import type { FinishedRun } from '../run-records/finished-run.js';
import { isoWithMicroseconds, requestColumnsOf, runRecordRowOf } from '../run-records/run-record.builder.js';
import type { RunRecordEntity } from '../run-records/run-record.entity.js';
import type { RunTarget } from '../runs/run-target.js';
import type { AttemptDecision } from './retry-decision.js';

/** A run the moment it is dispatched: its target is known and checked, nothing has run. */
export interface QueuedRun {
  runId: string;
  workspaceId: string;
  run: RunActionBody;
  target: RunTarget;
  /** Milliseconds since the epoch, with a fraction for the microseconds the list cursor compares. */
  queuedAtEpochMs: number;
  maxAttempts: number;
  /** The input's `Idempotency-Key`, if any: a second dispatch under it finds this run. */
  dispatchKey?: string;
  /** With a key: what the dispatch asked for, so a second one under the key can be told apart. */
  dispatchFingerprint?: string;
  /** What is published to the dispatch stream, kept in the record until the stream confirms it. */
  message: DispatchedRunMessage;
}

/** The record of a queued run: its request as the caller wrote it, no attempt, no timings yet. */
export function queuedRunRow(queued: QueuedRun): RunRecordEntity {
  const { run } = queued;
  return {
    id: queued.runId,
    workspace_id: queued.workspaceId,
    product: run.product,
    access_tag: run.app,
    app: queued.target.appTag,
    env: run.env,
    event: run.event,
    status: 'queued',
    http_status: null,
    error_code: null,
    error_message: null,
    // No secret has been resolved: the request holds its references, never a value.
    ...requestColumnsOf(queued.target, structuredClone({ ...(run.input ?? {}) }), {}),
    secret_versions: {},
    timings: { queue_ms: null, resolve_ms: null, connect_ms: null, upstream_ms: null, total_ms: null },
    attempts: 0,
    max_attempts: queued.maxAttempts,
    dispatch_key: queued.dispatchKey ?? null,
    dispatch_fingerprint: queued.dispatchFingerprint ?? null,
    dispatch_message: queued.message,
    created_at: isoWithMicroseconds(queued.queuedAtEpochMs),
  };
}

/**
 * The record after attempt `attempt`: what the attempt did, recorded exactly as a synchronous run records it, in the
 * state the decision gives the run. A run waiting for its next attempt is `queued` again and keeps the error that
 * sent it back, so that its record says why it is waiting.
 */
export function attemptRow(finished: FinishedRun, decision: AttemptDecision, attempt: number, maxAttempts: number): RunRecordEntity {
  return { ...runRecordRowOf(finished), status: statusAfter(decision), attempts: attempt, max_attempts: maxAttempts };
}

function statusAfter(decision: AttemptDecision): RunRecordStatus {
  switch (decision.action) {
    case 'ack':
      return decision.status;
    case 'retry':
    case 'postpone':
      return 'queued';
    case 'dead_letter':
      return 'dead_lettered';
  }
}
