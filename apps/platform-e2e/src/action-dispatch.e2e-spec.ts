import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { type RunActionInput, type RunRecord, type RunRecordStatus, type Switchboard } from '@switchboard/sdk';
import {
  startFakeThirdPartyApi,
  startPlatform,
  waitUntil,
  type FakeThirdPartyApi,
  type Platform,
  type WorkspaceCredentials,
} from '@switchboard/testing';
import pg from 'pg';
import { gatewayRequest, refusal, switchboardFor } from './switchboard-for.js';

// Small enough that redelivery and retries happen within a test; the executor reads them at start.
const ACK_WAIT_MS = 1500;
const MAX_ATTEMPTS = 4;
const MAX_IN_FLIGHT = 4;
const FINAL: readonly RunRecordStatus[] = ['succeeded', 'failed', 'dead_lettered'];

/** A local URL where nothing listens: a port the OS handed out, closed again at once. */
async function refusedUrl(): Promise<string> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return `http://127.0.0.1:${port}`;
}

describe('Dispatched runs: queued in JetStream, worked off by the executors, delivered at least once', () => {
  const secretValue = `sk_live_dispatch_${randomBytes(8).toString('hex')}`;
  let platform: Platform;
  let upstream: FakeThirdPartyApi;
  let credentials: WorkspaceCredentials;
  let client: Switchboard;

  /** The orders the upstream has seen, by the `order` marker each dispatch put in its body. */
  const ordersSeen = (): string[] => upstream.received.map((request) => (JSON.parse(request.body || '{}') as { order?: string }).order ?? '');

  const order = (marker: string, options: { app?: string; delay_ms?: number } = {}): RunActionInput => ({
    env: 'prd',
    product: 'shop',
    app: options.app ?? 'orders',
    event: 'create-order',
    input: { headers: { Authorization: 'Bearer $Token{ORDERS_KEY}' }, body: { order: marker, ...(options.delay_ms === undefined ? {} : { delay_ms: options.delay_ms }) } },
  });

  /** Run statuses read from the executor's table: while no executor runs, nothing answers `actions.runs.fetch`. */
  async function statusesInDatabase(runIds: readonly string[]): Promise<Map<string, RunRecordStatus>> {
    const database = new pg.Client({ connectionString: platform.databaseUrl });
    await database.connect();
    try {
      const result = await database.query<{ id: string; status: RunRecordStatus }>('SELECT id, status FROM action_executor.action_runs WHERE id = ANY($1)', [runIds]);
      return new Map(result.rows.map((row) => [row.id, row.status]));
    } finally {
      await database.end();
    }
  }

  /** Polls the run's record until its status is one of `statuses`. */
  async function recordOnceIn(runId: string, statuses: readonly RunRecordStatus[], timeoutMs = 20_000): Promise<RunRecord> {
    let record: RunRecord | undefined;
    try {
      await waitUntil(
        async () => {
          record = await client.actions.runs.fetch(runId);
          return statuses.includes(record.status);
        },
        { what: `run ${runId} to be ${statuses.join(' or ')}`, timeoutMs, intervalMs: 100 },
      );
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}; its record last read: ${JSON.stringify(record) ?? 'none'}`, { cause: error });
    }
    if (record === undefined) throw new Error('waitUntil resolved without reading the record');
    return record;
  }

  beforeAll(async () => {
    upstream = await startFakeThirdPartyApi();
    // The upstream answers each order after the delay its body asks for: a slow but healthy third party.
    upstream.route('POST', '/orders', async (request) => {
      const body = JSON.parse(request.body) as { order: string; delay_ms?: number };
      if (body.delay_ms !== undefined) await new Promise((resolve) => setTimeout(resolve, body.delay_ms));
      return { status: 201, body: { id: `ord_${body.order}` } };
    });
    platform = await startPlatform({
      env: {
        SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1',
        DISPATCH_ACK_WAIT_MS: String(ACK_WAIT_MS),
        DISPATCH_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        DISPATCH_RETRY_BACKOFF_MS: '100',
        DISPATCH_RETRY_BACKOFF_MAX_MS: '400',
        DISPATCH_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
        DISPATCH_SWEEP_INTERVAL_MS: '500',
      },
    });
    credentials = await platform.createWorkspace('dispatch');
    client = switchboardFor(platform, credentials);

    await client.app.create({
      tag: 'orders-api',
      envs: [{ slug: 'prd', base_url: upstream.url, request_type: 'JSON' }],
      actions: [{ tag: 'create-order', method: 'POST', path: '/orders' }],
    });
    await client.app.create({
      tag: 'down-api',
      envs: [{ slug: 'prd', base_url: await refusedUrl(), request_type: 'JSON' }],
      actions: [{ tag: 'create-order', method: 'POST', path: '/orders' }],
    });
    await client.product.init('shop');
    for (const access_tag of ['orders', 'orders-unscoped']) {
      await client.product.app.add({ access_tag, app: 'orders-api', envs: [{ slug: 'prd', active: true }] });
    }
    await client.product.app.add({ access_tag: 'down', app: 'down-api', envs: [{ slug: 'prd', active: true }] });
    await client.secrets.create({ key: 'ORDERS_KEY', value: secretValue, scope: ['orders', 'down'] });
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.stop();
  });

  it('returns a queued run id before the upstream answers; the record then ends succeeded with the upstream status', async () => {
    const dispatched = await client.actions.dispatch(order('first', { delay_ms: 1000 }));

    expect(dispatched).toEqual({ run_id: expect.stringMatching(/^run_[0-9a-f-]{36}$/) as unknown, status: 'queued' });
    // Written before the reply, and the reply did not wait for the one-second upstream.
    expect(['queued', 'running']).toContain((await client.actions.runs.fetch(dispatched.run_id)).status);

    const record = await recordOnceIn(dispatched.run_id, FINAL);

    expect(record).toMatchObject({
      run_id: dispatched.run_id,
      access_tag: 'orders',
      app: 'orders-api',
      status: 'succeeded',
      http_status: 201,
      error_code: null,
      attempts: 1,
      max_attempts: MAX_ATTEMPTS,
      request: { method: 'POST', url: `${upstream.url}/orders`, headers: { Authorization: 'Bearer $Token{ORDERS_KEY}' }, body: { order: 'first', delay_ms: 1000 } },
      secret_versions: { ORDERS_KEY: 1 },
    });
    for (const phase of ['queue_ms', 'resolve_ms', 'upstream_ms', 'total_ms'] as const) expect(typeof record.timings[phase]).toBe('number');
    expect(record.timings.upstream_ms).toBeGreaterThanOrEqual(1000);
    expect(upstream.received.find((request) => request.body.includes('"first"'))?.headers.authorization).toBe(`Bearer ${secretValue}`);
    expect(JSON.stringify(record)).not.toContain(secretValue);
  });

  it('answers 400 for bad input and the run’s own 4xx for an unknown target, queuing nothing', async () => {
    const before = (await client.actions.runs.list({ limit: 200 })).length;

    const missingProduct = await gatewayRequest(platform, credentials, 'POST', '/v1/actions/dispatch', { env: 'prd', app: 'orders', event: 'create-order' });
    expect([missingProduct.status, missingProduct.body.code]).toEqual([400, 'validation_failed']);
    const badInput = await gatewayRequest(platform, credentials, 'POST', '/v1/actions/dispatch', { ...order('bad'), input: { headers: 'not an object' } });
    expect([badInput.status, badInput.body.code]).toEqual([400, 'validation_failed']);

    const unknown = async (input: RunActionInput): Promise<[number, string]> => {
      const error = await refusal(client.actions.dispatch(input));
      return [error.status, error.code];
    };
    expect(await unknown({ ...order('x'), product: 'no-such-product' })).toEqual([404, 'product_not_found']);
    expect(await unknown({ ...order('x'), app: 'no-such-connection' })).toEqual([404, 'connection_not_found']);
    expect(await unknown({ ...order('x'), event: 'no-such-action' })).toEqual([404, 'action_not_found']);
    expect(await unknown({ ...order('x'), env: 'dev' })).toEqual([422, 'connection_env_not_found']);

    expect(await client.actions.runs.list({ limit: 200 })).toHaveLength(before);
  });

  it('answers a dispatch repeated with the same Idempotency-Key with the run already queued, and runs it once', async () => {
    const keyed = (marker: string, key: string): RunActionInput => {
      const input = order(marker);
      return { ...input, input: { ...input.input, headers: { ...input.input?.headers, 'Idempotency-Key': key } } };
    };
    const first = await client.actions.dispatch(keyed('keyed', 'order-keyed-1'));
    const repeated = await client.actions.dispatch(keyed('keyed', 'order-keyed-1'));
    expect(repeated.run_id).toBe(first.run_id);

    await recordOnceIn(first.run_id, FINAL);
    const afterEnd = await client.actions.dispatch(keyed('keyed', 'order-keyed-1'));
    expect(afterEnd).toEqual({ run_id: first.run_id, status: 'succeeded' });
    expect(ordersSeen().filter((marker) => marker === 'keyed')).toHaveLength(1);
    expect(upstream.received.find((request) => request.body.includes('"keyed"'))?.headers['idempotency-key']).toBe('order-keyed-1');

    const reused = await refusal(client.actions.dispatch({ ...keyed('other', 'order-keyed-1'), app: 'orders-unscoped' }));
    expect([reused.status, reused.code, reused.message]).toEqual([
      409,
      'idempotency_key_reused',
      `Idempotency key 'order-keyed-1' already names run ${first.run_id}, dispatched for shop/orders/prd/create-order`,
    ]);
    const otherBody = await refusal(client.actions.dispatch(keyed('other-body', 'order-keyed-1')));
    expect([otherBody.status, otherBody.code, otherBody.message]).toEqual([
      409,
      'idempotency_key_reused',
      `Idempotency key 'order-keyed-1' already names run ${first.run_id}, dispatched with another input (params, query, headers or body)`,
    ]);
    // Another key is another run.
    expect((await client.actions.dispatch(keyed('keyed-2', 'order-keyed-2'))).run_id).not.toBe(first.run_id);
  });

  it('runs a dispatch whose executor recorded it and died before publishing it: the sweeper hands it to the stream', async () => {
    const template = await client.actions.dispatch(order('template'));
    await recordOnceIn(template.run_id, FINAL);
    const orphanId = `run_${randomUUID()}`;
    const message = { workspace_id: credentials.workspace_id, run_id: orphanId, run: order('orphan'), dispatched_at: Date.now() };

    // What such an executor leaves: the run recorded queued with its message, and nothing in the stream.
    const database = new pg.Client({ connectionString: platform.databaseUrl });
    await database.connect();
    try {
      await database.query('CREATE TEMP TABLE orphan AS SELECT * FROM action_executor.action_runs WHERE id = $1', [template.run_id]);
      await database.query(`UPDATE orphan SET id = $1, status = 'queued', attempts = 0, http_status = NULL, dispatch_message = $2::jsonb, created_at = now()`, [
        orphanId,
        JSON.stringify(message),
      ]);
      await database.query('INSERT INTO action_executor.action_runs SELECT * FROM orphan');
    } finally {
      await database.end();
    }

    expect(await recordOnceIn(orphanId, FINAL)).toMatchObject({ status: 'succeeded', http_status: 201, attempts: 1 });
    expect(ordersSeen().filter((seen) => seen === 'orphan')).toHaveLength(1);
  });

  it('fails a run whose secret is refused, once and without calling out', async () => {
    const dispatched = await client.actions.dispatch(order('refused', { app: 'orders-unscoped' }));

    const record = await recordOnceIn(dispatched.run_id, FINAL);

    expect(record).toMatchObject({ status: 'failed', error_code: 'secret_not_in_scope', http_status: null, attempts: 1, secret_versions: {} });
    expect(ordersSeen()).not.toContain('refused');
  });

  it('dead-letters a run whose upstream is never reachable once its last attempt has failed', async () => {
    const dispatched = await client.actions.dispatch(order('down', { app: 'down' }));

    const record = await recordOnceIn(dispatched.run_id, FINAL);

    expect(record).toMatchObject({
      status: 'dead_lettered',
      error_code: 'upstream_unreachable',
      http_status: null,
      attempts: MAX_ATTEMPTS,
      max_attempts: MAX_ATTEMPTS,
    });
  });

  it('keeps a slow but live run with its executor: progress acknowledgements stop a redelivery', async () => {
    // Over twice the ack wait: without progress acknowledgements JetStream would deliver it again meanwhile.
    const dispatched = await client.actions.dispatch(order('slow', { delay_ms: ACK_WAIT_MS * 2 + 1000 }));

    const record = await recordOnceIn(dispatched.run_id, FINAL);

    expect(record).toMatchObject({ status: 'succeeded', http_status: 201, attempts: 1 });
    expect(ordersSeen().filter((seen) => seen === 'slow')).toHaveLength(1);
  });

  it('lets a run under way finish when its executor is stopped gracefully, then serves again after a restart', async () => {
    const dispatched = await client.actions.dispatch(order('graceful', { delay_ms: 1000 }));
    await waitUntil(() => Promise.resolve(ordersSeen().includes('graceful')), { what: 'the upstream to receive the graceful order', timeoutMs: 10_000, intervalMs: 20 });

    const exit = await platform.stopService('action-executor');

    // It exited on its own, within the harness's 10 s before SIGKILL.
    expect(exit.signal).not.toBe('SIGKILL');
    expect(exit.code ?? 0).toBe(0);
    expect((await statusesInDatabase([dispatched.run_id])).get(dispatched.run_id)).toBe('succeeded');
    await platform.restartService('action-executor');
    // Recorded by the stopping executor itself, before it exited: no second attempt was needed.
    expect(await client.actions.runs.fetch(dispatched.run_id)).toMatchObject({ status: 'succeeded', http_status: 201, attempts: 1 });
    expect(ordersSeen().filter((seen) => seen === 'graceful')).toHaveLength(1);
  });

  it('loses no dispatched run when the executor is killed mid-run: a fresh executor ends every one succeeded', async () => {
    const markers = Array.from({ length: 10 }, (_, index) => `kill-${index}`);
    const runIds = new Map<string, string>();
    for (const marker of markers) runIds.set(marker, (await client.actions.dispatch(order(marker, { delay_ms: 1500 }))).run_id);

    // The first runs are under way at the upstream (they take 1.5 s each); with MAX_IN_FLIGHT of them at a time,
    // the last ones are still in the stream.
    await waitUntil(() => Promise.resolve(ordersSeen().filter((seen) => seen.startsWith('kill-')).length >= MAX_IN_FLIGHT), {
      what: 'the first dispatched runs to reach the upstream',
      timeoutMs: 10_000,
      intervalMs: 10,
    });
    const killed = await platform.services['action-executor'].kill();
    expect(killed.signal).toBe('SIGKILL');

    const statuses = await statusesInDatabase([...runIds.values()]);
    const interrupted = markers.filter((marker) => statuses.get(runIds.get(marker) ?? '') === 'running');
    // The kill must have hit runs in the middle of their call, and left some never started, or it proves nothing.
    expect(interrupted.length).toBeGreaterThan(0);
    expect([...statuses.values()]).toContain('queued');

    await platform.restartService('action-executor');

    const records = new Map<string, RunRecord>();
    for (const [marker, runId] of runIds) records.set(marker, await recordOnceIn(runId, FINAL, 45_000));
    for (const [marker, record] of records) {
      expect({ marker, status: record.status, http_status: record.http_status }).toEqual({ marker, status: 'succeeded', http_status: 201 });
    }
    // At least once: every run reached the upstream; those cut off by the kill reached it again, on a later attempt.
    const seen = ordersSeen();
    for (const marker of markers) expect(seen).toContain(marker);
    for (const marker of interrupted) {
      expect(records.get(marker)?.attempts).toBeGreaterThanOrEqual(2);
      expect(seen.filter((order) => order === marker).length).toBeGreaterThanOrEqual(2);
    }
  }, 120_000);
});
