// The cold path row: the first run after its connection changed (the change event drops the workspace's run plans
// and secrets in the executor, so the run fetches them again over NATS) against the warm run right after it.
import { performance } from 'node:perf_hooks';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ExecutorCacheStatsReply } from '@switchboard/contracts';
import { Pool } from 'undici';
import { actionRunTarget, call, PRODUCT, ACCESS_TAG } from './bench-fixtures.js';
import type { BenchPlatform } from './bench-platform.js';
import { summariseLatencies } from './latency-summary.js';
import { executorCacheStats } from './service-requests.js';

const INVALIDATION_POLL_MS = 2;
const INVALIDATION_TIMEOUT_MS = 5_000;

export interface LatencyPair {
  p50Ms: number;
  p99Ms: number;
}

export interface ColdPathMeasurement {
  rounds: number;
  cold: LatencyPair;
  warm: LatencyPair;
  /** Rounds whose first run really loaded its plan and its secrets (both caches counted a miss): all, or the row is wrong. */
  coldRounds: number;
  /** Rounds whose second run loaded nothing (no miss in either cache). */
  warmRounds: number;
  /** Time from the PATCH's answer until the executor had dropped the workspace's plans, p50 and p99. */
  invalidationSeen: LatencyPair;
}

/**
 * `rounds` times: changes the connection of row (c) through the REST API (a variable's value), waits until the
 * executor counted the invalidation, then times one run (cold) and one more (warm), one client, one at a time.
 */
export async function measureColdPath(platform: BenchPlatform, nats: NatsConnection, rounds: number, signal: AbortSignal): Promise<ColdPathMeasurement> {
  const target = actionRunTarget(platform.gatewayUrl, platform.credentials);
  const pool = new Pool(new URL(target.url).origin, { connections: 1, pipelining: 1, keepAliveTimeout: 60_000 });
  const timedRun = async (): Promise<number> => {
    const sent = performance.now();
    const response = await pool.request({ path: new URL(target.url).pathname, method: target.method, headers: target.headers, body: target.body });
    const text = await response.body.text();
    const elapsed = performance.now() - sent;
    const problem = response.statusCode === 200 ? target.check?.(text) : `HTTP ${response.statusCode}: ${text.slice(0, 300)}`;
    if (problem !== undefined) throw new Error(`cold path row: ${problem}`);
    return elapsed;
  };
  const [coldMs, warmMs, invalidationMs] = [[], [], []] as number[][];
  let [coldRounds, warmRounds] = [0, 0];
  try {
    await timedRun();
    for (let round = 0; round < rounds; round += 1) {
      signal.throwIfAborted();
      const before = await executorCacheStats(nats);
      await call(platform.gatewayUrl, platform.credentials, 'PATCH', `/v1/products/${PRODUCT}/connections/${ACCESS_TAG}`, {
        envs: [{ slug: 'prd', variables: [{ key: 'BENCH_ROUND', value: String(round) }] }],
      });
      const changed = performance.now();
      const afterChange = await invalidationSeen(nats, before, signal);
      invalidationMs.push(performance.now() - changed);
      coldMs.push(await timedRun());
      const afterCold = await executorCacheStats(nats);
      warmMs.push(await timedRun());
      const afterWarm = await executorCacheStats(nats);
      if (missesBetween(afterChange, afterCold) === 2) coldRounds += 1;
      if (missesBetween(afterCold, afterWarm) === 0) warmRounds += 1;
    }
  } finally {
    await pool.close();
  }
  return {
    rounds,
    cold: summariseLatencies(coldMs),
    warm: summariseLatencies(warmMs),
    coldRounds,
    warmRounds,
    invalidationSeen: summariseLatencies(invalidationMs),
  };
}

/** Polls the executor's counters until its run plans count an invalidation that `before` did not. */
async function invalidationSeen(nats: NatsConnection, before: ExecutorCacheStatsReply, signal: AbortSignal): Promise<ExecutorCacheStatsReply> {
  const deadline = performance.now() + INVALIDATION_TIMEOUT_MS;
  for (;;) {
    const now = await executorCacheStats(nats);
    if (now.caches.run_plans.invalidations > before.caches.run_plans.invalidations) return now;
    if (performance.now() > deadline) throw new Error(`cold path row: the executor dropped no run plan within ${INVALIDATION_TIMEOUT_MS} ms of the connection change`);
    signal.throwIfAborted();
    await new Promise((resolve) => setTimeout(resolve, INVALIDATION_POLL_MS));
  }
}

// One plan and one secret set per run of row (c): a cold run misses once in each cache.
function missesBetween(before: ExecutorCacheStatsReply, after: ExecutorCacheStatsReply): number {
  return after.caches.run_plans.misses - before.caches.run_plans.misses + after.caches.secret_values.misses - before.caches.secret_values.misses;
}
