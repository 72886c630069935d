import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { summariseLatencies } from './latency-summary.js';

/** One HTTP request, sent again and again, or a request made afresh each time by `next`. */
export interface LoadTarget {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /**
   * Makes each request's headers and body in place of `headers` and `body`, for requests that must differ (webhook
   * events, each with its own id). Called before the request's timer starts, so its cost is not in the latency.
   */
  next?: () => { headers: Record<string, string>; body: Buffer };
  /** Inspects a 200 answer's body; returns why it is a failure, or undefined when it is a success. */
  check?: (body: string) => string | undefined;
}

export interface LoadOptions {
  /** Concurrent clients, each with its own keep-alive connection, each sending its next request when the last one answered. */
  clients: number;
  warmupMs: number;
  durationMs: number;
  /** Called between warm-up and measurement (e.g. to reset counters). */
  beforeMeasuring?: () => Promise<void>;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
}

export interface LoadResult {
  clients: number;
  /** Requests answered with 200 (and passing the target's check) during the measured window. */
  ok: number;
  /** Non-200 answers and transport errors during the measured window. */
  failed: number;
  firstFailure?: string;
  elapsedMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Closed-loop load with undici: `clients` loops over one Pool of as many connections. The same generator drives every
 * row, so the rows differ only in what answers. Latency is measured per request with performance.now() (sub-millisecond).
 */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections: options.clients, pipelining: 1, keepAliveTimeout: 60_000 });
  try {
    if (options.warmupMs > 0) await runPhase(pool, target, url, options.clients, options.warmupMs, options.signal);
    await options.beforeMeasuring?.();
    const phase = await runPhase(pool, target, url, options.clients, options.durationMs, options.signal);
    const { p50Ms, p99Ms } = summariseLatencies(phase.latenciesMs);
    return {
      clients: options.clients,
      ok: phase.latenciesMs.length,
      failed: phase.failed,
      firstFailure: phase.firstFailure,
      elapsedMs: phase.elapsedMs,
      requestsPerSecond: phase.latenciesMs.length / (phase.elapsedMs / 1000),
      p50Ms,
      p99Ms,
    };
  } finally {
    await pool.close();
  }
}

interface PhaseResult {
  latenciesMs: number[];
  failed: number;
  firstFailure?: string;
  elapsedMs: number;
}

async function runPhase(pool: Pool, target: LoadTarget, url: URL, clients: number, durationMs: number, signal?: AbortSignal): Promise<PhaseResult> {
  const latenciesMs: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + durationMs;
  const path = url.pathname + url.search;

  const client = async (): Promise<void> => {
    while (performance.now() < deadline && !signal?.aborted) {
      const { headers, body } = target.next?.() ?? target;
      const sent = performance.now();
      try {
        const response = await pool.request({ path, method: target.method, headers, body });
        const text = await response.body.text();
        const finished = performance.now();
        const problem = response.statusCode === 200 ? target.check?.(text) : `HTTP ${response.statusCode}: ${text.slice(0, 300)}`;
        if (problem === undefined) {
          latenciesMs.push(finished - sent);
        } else {
          failed += 1;
          firstFailure ??= problem;
        }
      } catch (error) {
        failed += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  signal?.throwIfAborted();
  return { latenciesMs, failed, firstFailure, elapsedMs: performance.now() - started };
}
