import { readFile } from 'node:fs/promises';
import type { ProductEndpoint } from '@switchboard/testing';
import { waitUntil } from '@switchboard/testing';
import pg from 'pg';
import type { ChaosUpstream } from './chaos-upstream.js';
import type { PhaseLoad } from './chaos-load.js';

/** What became of a phase's accepted work once the platform had time to finish it. */
export interface Settlement {
  /** Accepted dispatches with no final record, or a `succeeded` one without the upstream's effect; accepted receipts never forwarded. */
  lost: string[];
  /** Idempotency keys the gateway answered with more than one run id. */
  duplicateRuns: number;
  /** Dispatched runs that ended failed or dead-lettered, or with the upstream's error answer: not lost (the record says why), but reported. */
  failedRuns: number;
  /** Rows left unfinished once everything settled (`action_runs queued: 1`): a run or event half-written by the fault. */
  unfinished: string[];
  /** Dispatched runs whose call reached the upstream more than once (delivered again after a fault; the key made it harmless). */
  repeatedCalls: number;
}

const FINAL = new Set(['succeeded', 'failed', 'dead_lettered']);

export async function settle(load: PhaseLoad, options: { databaseUrl: string; upstream: ChaosUpstream; endpoint: ProductEndpoint; timeoutMs: number }): Promise<Settlement> {
  const runIds = [...load.dispatched.values()].flatMap((runs) => [...runs]);
  let unfinished: string[] = [];
  let records = new Map<string, { status: string; http_status: number | null }>();
  const database = new pg.Client({ connectionString: options.databaseUrl });
  await database.connect();
  try {
    const allSettled = async (): Promise<boolean> => {
      const result = await database.query<{ id: string; status: string; http_status: number | null }>(
        'SELECT id, status, http_status FROM action_executor.action_runs WHERE id = ANY($1)',
        [runIds],
      );
      records = new Map(result.rows.map((row) => [row.id, row]));
      const leftovers = await database.query<{ row: string; count: string }>(
        `SELECT 'action_runs ' || status AS row, count(*) FROM action_executor.action_runs WHERE status IN ('queued', 'running') GROUP BY status
         UNION ALL
         SELECT 'webhook_events ' || status, count(*) FROM action_executor.webhook_events WHERE status IN ('queued', 'held') GROUP BY status`,
      );
      unfinished = leftovers.rows.map((row) => `${row.row}: ${row.count}`);
      const forwarded = [...load.received].every((eventId) => options.endpoint.withWebhookId(eventId).length > 0);
      return forwarded && unfinished.length === 0 && runIds.every((id) => FINAL.has(records.get(id)?.status ?? ''));
    };
    await waitUntil(allSettled, { what: 'the phase’s work to settle', timeoutMs: options.timeoutMs, intervalMs: 500 }).catch(() => undefined);
  } finally {
    await database.end();
  }

  const lost: string[] = [];
  let failedRuns = 0;
  let repeatedCalls = 0;
  for (const [key, runs] of load.dispatched) {
    for (const runId of runs) {
      const record = records.get(runId);
      const answered = record?.status === 'succeeded' && record.http_status !== null && record.http_status < 300;
      if (answered && !options.upstream.effects.has(key)) lost.push(`run ${runId} (${key}) succeeded without its effect at the upstream`);
      else if (!FINAL.has(record?.status ?? '')) lost.push(`run ${runId} (${key}) is ${record?.status ?? 'not recorded'}`);
      else if (!answered) failedRuns += 1;
    }
    if ((options.upstream.calls.get(key) ?? 0) > 1) repeatedCalls += 1;
  }
  for (const eventId of load.received) {
    if (options.endpoint.withWebhookId(eventId).length === 0) lost.push(`webhook event ${eventId} was never forwarded`);
  }
  const duplicateRuns = [...load.dispatched.values()].filter((runs) => runs.size > 1).length;
  return { lost, duplicateRuns, failedRuns, repeatedCalls, unfinished };
}

/** A process's resident memory in MiB, from /proc (Linux). */
export async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}
