import { randomUUID } from 'node:crypto';
import type { ActionRunInput, RunActionBody, RunRecordTimings } from '@switchboard/contracts';
import { toErrorBody } from '@switchboard/platform';
import type { OutboundResponse } from '../outbound/outbound-request.js';
import type { RunTarget } from '../runs/run-target.js';
import type { FinishedRun } from './finished-run.js';

/**
 * Follows one run through its phases (target, secrets, outbound call), so that its record says how far it got and
 * where the time went however it ends. It only keeps references and clock readings: building the record waits for
 * the flusher, after the reply.
 */
export class RunTrace {
  readonly #started = performance.now();
  // Date.now() is wall-clock but whole milliseconds; the monotonic clock's fraction keeps two runs started in the
  // same millisecond apart, which the list cursor (created_at to the microsecond) relies on.
  readonly #startedAtEpochMs = Date.now() + (this.#started % 1);
  readonly #queueMs: number | null;
  #input: ActionRunInput = {};
  #target: RunTarget | undefined;
  #secrets: Record<string, { value: string; version: number }> = {};
  #resolvedAt: number | undefined;
  #response: OutboundResponse | undefined;

  /**
   * `sentAtEpochMs` is when the gateway sent the run, by its own clock (for a dispatched run, when it was dispatched).
   * `runId` is given for an attempt of a dispatched run, which keeps the id its dispatch returned.
   */
  constructor(
    readonly workspaceId: string,
    readonly run: RunActionBody,
    sentAtEpochMs?: number,
    readonly runId: string = newRunId(),
  ) {
    // Clocks of two machines disagree a little; a negative wait means "no measurable wait".
    this.#queueMs = sentAtEpochMs === undefined ? null : Math.max(0, round(Date.now() - sentAtEpochMs));
  }

  /** The input as the caller wrote it, references unresolved. */
  inputRead(input: ActionRunInput): void {
    this.#input = input;
  }

  targetFound(target: RunTarget): void {
    this.#target = target;
  }

  secretsResolved(secrets: Record<string, { value: string; version: number }>): void {
    this.#secrets = secrets;
  }

  /** The outbound request is built: resolution is over and the call starts. */
  sending(): void {
    this.#resolvedAt = performance.now();
  }

  answered(response: OutboundResponse): void {
    this.#response = response;
  }

  /** The run as it ended: succeeded when the upstream answered, failed with `error` otherwise. */
  finished(error?: unknown): FinishedRun {
    const now = performance.now();
    const response = this.#response;
    const timings: RunRecordTimings = {
      queue_ms: this.#queueMs,
      resolve_ms: this.#resolvedAt === undefined ? null : round(this.#resolvedAt - this.#started),
      connect_ms: response?.connectMs === undefined ? null : round(response.connectMs),
      upstream_ms: response !== undefined ? round(response.upstreamMs) : this.#resolvedAt === undefined ? null : round(now - this.#resolvedAt),
      total_ms: round(now - this.#started),
    };
    return {
      runId: this.runId,
      workspaceId: this.workspaceId,
      run: this.run,
      input: this.#input,
      target: this.#target,
      secrets: this.#secrets,
      startedAtEpochMs: this.#startedAtEpochMs,
      timings,
      outcome:
        response !== undefined && error === undefined
          ? { status: 'succeeded', httpStatus: response.status }
          : { status: 'failed', error: toErrorBody(error) },
    };
  }
}

/** A fresh `run_<uuid>`. */
export function newRunId(): string {
  return `run_${randomUUID()}`;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
