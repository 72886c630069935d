// The many-tenants row: every connection of every tenant workspace run in turn, straight to the executor over NATS
// (`actions.action.run`, as the gateway sends it), so the executor fetches each plan from the catalog and connection
// services, resolves each secret set with the vault and calls the upstream; its memory and its caches' counters are read.
import { performance } from 'node:perf_hooks';
import type { NatsConnection } from '@nats-io/transport-node';
import { EXECUTOR_CACHES, Subjects, type ActionRunReply, type CacheStats, type ExecutorCacheName, type ExecutorCacheStatsReply } from '@switchboard/contracts';
import { PRODUCT, SECRET_KEY } from './bench-fixtures.js';
import { residentMemoryMiB, startPeakMemorySampler } from './process-probes.js';
import { executorCacheStats, requestService } from './service-requests.js';
import type { TenantFixtures } from './tenant-fixtures.js';

/** Runs in flight at once: enough to keep the executor and the services it asks busy. */
const TENANT_RUNS_IN_FLIGHT = 50;
/** VmRSS is also read each time this share of the runs has answered: flat once the caches are full, if memory is bounded. */
const RSS_CHECKPOINTS = 5;

/** What one cache counted during the row (differences of its counters), with its size at the end. */
export type CacheStatsDelta = CacheStats;

export interface TenantsMeasurement {
  tenants: number;
  connectionsEach: number;
  passes: number;
  runs: number;
  runsInFlight: number;
  failed: number;
  firstFailure?: string;
  elapsedMs: number;
  rssMiB: { before: number; peak: number; after: number };
  /** VmRSS after each fifth of the runs, with how many had answered by then. */
  rssByProgress: { runs: number; rssMiB: number }[];
  /** Counted over the whole row, by cache. */
  caches: Record<ExecutorCacheName, CacheStatsDelta>;
  /** Counted over the last pass only: once every connection was loaded at least once. */
  lastPass: Record<ExecutorCacheName, CacheStatsDelta>;
}

/** The counters `after` has beyond `before`; size and cap as `after` has them. */
export function statsBetween(before: ExecutorCacheStatsReply, after: ExecutorCacheStatsReply): Record<ExecutorCacheName, CacheStatsDelta> {
  const entries = EXECUTOR_CACHES.map((name) => {
    const [from, to] = [before.caches[name], after.caches[name]];
    return [
      name,
      {
        hits: to.hits - from.hits,
        misses: to.misses - from.misses,
        evictions: to.evictions - from.evictions,
        expirations: to.expirations - from.expirations,
        invalidations: to.invalidations - from.invalidations,
        size: to.size,
        max_entries: to.max_entries,
      },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<ExecutorCacheName, CacheStatsDelta>;
}

/** Runs every (workspace, connection) of `fixtures` once per pass, in turn, {@link TENANT_RUNS_IN_FLIGHT} at a time. */
export async function measureTenants(
  options: { nats: NatsConnection; executorPid: number; fixtures: TenantFixtures; passes: number },
  signal: AbortSignal,
): Promise<TenantsMeasurement> {
  const { nats, fixtures, passes } = options;
  const order = fixtures.workspaceIds.flatMap((workspaceId) => fixtures.accessTags.map((accessTag) => ({ workspaceId, accessTag })));
  const rssBefore = await residentMemoryMiB(options.executorPid);
  const memory = startPeakMemorySampler(options.executorPid);
  const snapshots: ExecutorCacheStatsReply[] = [await executorCacheStats(nats)];
  let failed = 0;
  let firstFailure: string | undefined;
  let rssPeak = Number.NaN;
  const totalRuns = order.length * passes;
  const checkpoints = Array.from({ length: RSS_CHECKPOINTS }, (_, index) => Math.ceil(((index + 1) * totalRuns) / RSS_CHECKPOINTS));
  const progressReadings: Promise<{ runs: number; rssMiB: number }>[] = [];
  let answered = 0;
  const started = performance.now();
  try {
    for (let pass = 0; pass < passes; pass += 1) {
      let next = 0;
      const client = async (): Promise<void> => {
        while (next < order.length) {
          signal.throwIfAborted();
          const { workspaceId, accessTag } = order[next++];
          const problem = await runOnce(nats, workspaceId, accessTag);
          if (problem !== undefined) {
            failed += 1;
            firstFailure ??= problem;
          }
          answered += 1;
          if (checkpoints.includes(answered)) {
            const runs = answered;
            progressReadings.push(residentMemoryMiB(options.executorPid).then((rssMiB) => ({ runs, rssMiB })));
          }
        }
      };
      await Promise.all(Array.from({ length: TENANT_RUNS_IN_FLIGHT }, client));
      snapshots.push(await executorCacheStats(nats));
    }
  } finally {
    rssPeak = await memory.stop();
  }
  const elapsedMs = performance.now() - started;
  // One snapshot before the first run and one after each pass: the last two bound the last pass.
  const [first, beforeLast, last] = [snapshots[0], snapshots.at(-2), snapshots.at(-1)] as ExecutorCacheStatsReply[];
  return {
    tenants: fixtures.workspaceIds.length,
    connectionsEach: fixtures.accessTags.length,
    passes,
    runs: totalRuns,
    runsInFlight: TENANT_RUNS_IN_FLIGHT,
    failed,
    ...(firstFailure === undefined ? {} : { firstFailure }),
    elapsedMs,
    rssMiB: { before: rssBefore, peak: rssPeak, after: await residentMemoryMiB(options.executorPid) },
    rssByProgress: await Promise.all(progressReadings),
    caches: statsBetween(first, last),
    lastPass: statsBetween(beforeLast, last),
  };
}

/** One run of the `ping` action with the tenant's own `$Token{BENCH_KEY}`; why it failed, or undefined. */
async function runOnce(nats: NatsConnection, workspaceId: string, accessTag: string): Promise<string | undefined> {
  try {
    const reply = await requestService<ActionRunReply>(nats, Subjects.ActionsActionRun, {
      workspace_id: workspaceId,
      run: { env: 'prd', product: PRODUCT, app: accessTag, event: 'ping', input: { headers: { 'x-api-key': `$Token{${SECRET_KEY}}` }, body: { n: 1 } } },
      sent_at: Date.now(),
    });
    const body = reply.body as { ok?: unknown } | undefined;
    return reply.status === 200 && body?.ok === true ? undefined : `${workspaceId}/${accessTag}: the run answered ${JSON.stringify(reply).slice(0, 300)}`;
  } catch (error) {
    return `${workspaceId}/${accessTag}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
