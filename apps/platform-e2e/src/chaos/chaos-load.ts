import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SwitchboardError, type RunActionInput, type Switchboard } from '@switchboard/sdk';
import { githubWebhook } from '@switchboard/testing';

/** A workspace under load: a client per gateway, the ledger connection, and its signed webhook. */
export interface ChaosTenant {
  readonly name: string;
  /** One SDK client per gateway replica. */
  readonly clients: readonly Switchboard[];
  /** The webhook's receive path (`/hooks/<id>`), posted to each gateway in turn. */
  readonly receivePath: string;
  readonly webhookSecret: string;
}

export type RequestKind = 'run' | 'dispatch' | 'webhook';

/** How many loops of each kind run at once, each sending its next request when the last one is answered. */
export type LoadMix = Record<RequestKind, number>;

/** What one phase of load sent and what came back; {@link settle} then says whether anything was lost. */
export interface PhaseLoad {
  /** Every answer's latency, in ms, and how many answers were errors, by `<status> <code>` (or `upstream <status>`). */
  readonly latenciesMs: number[];
  readonly errors: Map<string, number>;
  /** Errors with no clear cause for the caller: no reply, a 500, or no code. */
  unclear: number;
  /** Dispatches the gateway accepted, by idempotency key: the run ids it answered (one, unless a run was made twice). */
  readonly dispatched: Map<string, Set<string>>;
  /** Webhook receipts the gateway answered 2xx: the event ids. */
  readonly received: Set<string>;
  elapsedMs: number;
}

/** A sender keeps at an accepted-or-refused answer this long past the phase, as a webhook provider or a queue would. */
const PERSIST_MS = 30_000;
const PAUSE_MS = 200;

const CLEAR_TRANSIENT = new Set([502, 503, 504, 429]);

export async function runLoad(tenants: readonly ChaosTenant[], mix: LoadMix, durationMs: number, gatewayUrls: readonly string[]): Promise<PhaseLoad> {
  const load: PhaseLoad = { latenciesMs: [], errors: new Map(), unclear: 0, dispatched: new Map(), received: new Set(), elapsedMs: 0 };
  const started = performance.now();
  const deadline = Date.now() + durationMs;
  let sequence = 0;
  const loops: Promise<void>[] = [];
  for (const kind of Object.keys(mix) as RequestKind[]) {
    for (let loop = 0; loop < mix[kind]; loop++) {
      const tenant = tenants[loop % tenants.length];
      const gateway = loop % gatewayUrls.length;
      loops.push(
        (async () => {
          while (Date.now() < deadline) {
            const id = `${kind}-${tenant.name}-${(sequence += 1)}-${randomUUID().slice(0, 8)}`;
            if (kind === 'run') await runOnce(load, tenant.clients[gateway], id);
            else if (kind === 'dispatch') await dispatchOnce(load, tenant.clients[gateway], id, deadline + PERSIST_MS);
            else await receiveOnce(load, tenant, gatewayUrls[gateway], id, deadline + PERSIST_MS);
          }
        })(),
      );
    }
  }
  await Promise.all(loops);
  load.elapsedMs = performance.now() - started;
  return load;
}

function entry(key: string): RunActionInput {
  return {
    env: 'prd',
    product: 'shop',
    app: 'ledger',
    event: 'post-entry',
    input: { headers: { Authorization: 'Bearer $Token{LEDGER_KEY}', 'Idempotency-Key': key }, body: { entry: key } },
  };
}

async function timed<T>(load: PhaseLoad, call: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    return { value: await call() };
  } catch (error) {
    return { error };
  } finally {
    load.latenciesMs.push(performance.now() - started);
  }
}

/** Counts an error answer; true when a sender should try again (the platform said so, or did not answer). */
function countError(load: PhaseLoad, status: number, code: string | undefined): boolean {
  const label = `${status} ${code ?? '(no code)'}`;
  load.errors.set(label, (load.errors.get(label) ?? 0) + 1);
  if (status === 0 || status === 500 || code === undefined || code === 'internal_error') load.unclear += 1;
  return status === 0 || CLEAR_TRANSIENT.has(status);
}

function countFailure(load: PhaseLoad, error: unknown): boolean {
  if (error instanceof SwitchboardError) return countError(load, error.status, error.code);
  return countError(load, 0, undefined);
}

async function runOnce(load: PhaseLoad, client: Switchboard, key: string): Promise<void> {
  const { value, error } = await timed(load, () => client.actions.run(entry(key)));
  if (error !== undefined) {
    if (countFailure(load, error)) await pause();
  } else if (value?.status !== 201) {
    const label = `upstream ${value?.status}`;
    load.errors.set(label, (load.errors.get(label) ?? 0) + 1);
  }
}

/** Dispatches with an idempotency key, again with the same key while the platform answers a transient error. */
async function dispatchOnce(load: PhaseLoad, client: Switchboard, key: string, persistUntil: number): Promise<void> {
  while (Date.now() < persistUntil) {
    const { value, error } = await timed(load, () => client.actions.dispatch(entry(key)));
    if (value) {
      const runs = load.dispatched.get(key) ?? new Set<string>();
      runs.add(value.run_id);
      load.dispatched.set(key, runs);
      return;
    }
    if (!countFailure(load, error)) return;
    await pause();
  }
}

/** Posts a signed GitHub event, and the very same delivery again while the platform answers a transient error. */
async function receiveOnce(load: PhaseLoad, tenant: ChaosTenant, gatewayUrl: string, delivery: string, persistUntil: number): Promise<void> {
  const signed = githubWebhook({ url: `${gatewayUrl}${tenant.receivePath}`, secret: tenant.webhookSecret, body: JSON.stringify({ delivery }), deliveryId: delivery });
  while (Date.now() < persistUntil) {
    const { value, error } = await timed(load, async () => {
      const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body, signal: AbortSignal.timeout(15_000) });
      return { status: response.status, body: (await response.json().catch(() => ({}))) as { event_id?: string; code?: string } };
    });
    if (value?.status === 200 && value.body.event_id) {
      load.received.add(value.body.event_id);
      return;
    }
    const retry = value ? countError(load, value.status, value.body.code) : countError(load, 0, undefined);
    if (!retry) return;
    if (error !== undefined || value) await pause();
  }
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}
