import { Injectable } from '@nestjs/common';
import type { RunRecordTimings } from '@switchboard/contracts';
import { Counter, Histogram, Registry } from 'prom-client';
import type { FinishedRun } from './finished-run.js';

/** How the run came: `actions.run` waits for it, `actions.dispatch` queued it (each attempt counts). */
export type RunMode = 'sync' | 'dispatched';

// From a warm run's resolution (a fraction of a millisecond) to an upstream at the longest timeouts.
const STAGE_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const STAGES = ['queue', 'resolve', 'connect', 'upstream', 'total'] as const;
const STAGE_TIMINGS: Record<(typeof STAGES)[number], keyof RunRecordTimings> = {
  queue: 'queue_ms',
  resolve: 'resolve_ms',
  connect: 'connect_ms',
  upstream: 'upstream_ms',
  total: 'total_ms',
};

/**
 * Counts finished runs by status and error code (a closed enum) and times their stages from the same clock readings
 * their records keep (the run trace's), so metrics and records never disagree. Labels are never a workspace, an app
 * or a URL.
 */
@Injectable()
export class RunMetrics {
  readonly #runs: Counter<'mode' | 'status' | 'code' | 'upstream_status'>;
  // Bound once per mode and stage, so a run observes its five stages without hashing labels.
  readonly #stages: Record<RunMode, [keyof RunRecordTimings, Histogram.Internal<'mode' | 'stage'>][]>;

  constructor(registry: Registry) {
    this.#runs = new Counter({
      name: 'switchboard_action_runs_total',
      help: 'Finished action runs (each attempt of a dispatched run) by mode, status, error code and upstream status class',
      labelNames: ['mode', 'status', 'code', 'upstream_status'] as const,
      registers: [registry],
    });
    const stages = new Histogram({
      name: 'switchboard_action_run_stage_seconds',
      help: 'Time action runs spent per stage: queue (sent to picked up), resolve (plan, secrets, auth), connect (address lookup), upstream (the call), total',
      labelNames: ['mode', 'stage'] as const,
      buckets: STAGE_BUCKETS_SECONDS,
      registers: [registry],
    });
    const bound = (mode: RunMode): [keyof RunRecordTimings, Histogram.Internal<'mode' | 'stage'>][] =>
      STAGES.map((stage) => [STAGE_TIMINGS[stage], stages.labels({ mode, stage })]);
    this.#stages = { sync: bound('sync'), dispatched: bound('dispatched') };
  }

  observe(mode: RunMode, run: FinishedRun): void {
    const { outcome } = run;
    this.#runs.inc({
      mode,
      status: outcome.status,
      code: outcome.status === 'failed' ? outcome.error.code : 'none',
      upstream_status: outcome.status === 'succeeded' ? statusClassOf(outcome.httpStatus) : 'none',
    });
    for (const [timing, histogram] of this.#stages[mode]) {
      const ms = run.timings[timing];
      if (ms !== null) histogram.observe(ms / 1000);
    }
  }
}

/** `2xx`…`5xx`: the upstream's own status, summed up so that the label stays small. */
export function statusClassOf(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
