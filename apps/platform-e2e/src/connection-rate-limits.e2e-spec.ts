import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SwitchboardError, type ActionRunResult, type RateLimitInput, type Switchboard } from '@switchboard/sdk';
import { startPlatform, startService, waitUntil, type Platform, type ServiceHandle, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, switchboardFor } from './switchboard-for.js';

/** When each request reached the fake upstream (`performance.now()` of this process), by path. */
type Arrivals = Map<string, number[]>;

// A request is never let through before its turn (its wait is the database's, its clock this machine's), only after:
// so by any moment `t` after the burst began at `startedAt`, the upstream has seen at most the burst plus the rate
// times the time since. One request of slack for timers that round a wait down to the millisecond.
function assertNeverAhead(arrivals: readonly number[], startedAt: number, limit: { perSecond: number; burst: number }): void {
  [...arrivals].sort((a, b) => a - b).forEach((at, index) => {
    const allowed = limit.burst + (limit.perSecond * (at - startedAt)) / 1000 + 1;
    if (index + 1 > allowed) throw new Error(`request ${index + 1} reached the upstream ${Math.round(at - startedAt)} ms into the burst, where at most ${allowed.toFixed(2)} may`);
  });
}

describe('Per-connection rate limits, shared by two executor replicas', () => {
  let platform: Platform;
  let secondExecutor: ServiceHandle;
  let upstream: Server;
  let baseUrl: string;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;
  const arrivals: Arrivals = new Map();
  const arrivalsAt = (path: string): number[] => arrivals.get(path) ?? [];

  const run = (app: string) => switchboard.actions.run({ env: 'prd', product: 'paced', app, event: 'call' });
  const refusalOf = (settled: PromiseSettledResult<ActionRunResult>): SwitchboardError | undefined =>
    settled.status === 'rejected' && settled.reason instanceof SwitchboardError ? settled.reason : undefined;

  async function connectApp(tag: string, rateLimit?: RateLimitInput, connectionLimit?: RateLimitInput, method: 'GET' | 'POST' = 'POST'): Promise<void> {
    await switchboard.app.create({
      tag,
      envs: [{ slug: 'prd', base_url: baseUrl, request_type: 'JSON' }],
      actions: [{ tag: 'call', method, path: `/${tag}` }],
      ...(rateLimit ? { rate_limit: rateLimit } : {}),
    });
    await switchboard.product.app.add({ access_tag: tag, app: tag, envs: [{ slug: 'prd', active: true, ...(connectionLimit ? { rate_limit: connectionLimit } : {}) }] });
  }

  /** The connection rate-limit counter of one executor, by outcome. */
  async function limitedRunsOf(executor: ServiceHandle): Promise<Record<string, number>> {
    const response = await fetch(`${executor.opsUrl}/metrics`).catch((error: unknown) => {
      // Which replica, and how it fared: a refused connection alone does not say whether it died or never listened.
      const exit = executor.exitStatus();
      throw new Error(`${executor.name} (pid ${executor.pid}, ${exit ? `exited ${JSON.stringify(exit)}` : 'running'}) did not answer ${executor.opsUrl}/metrics:\n${executor.logs.slice(-20).join('\n')}`, { cause: error });
    });
    const text = await response.text();
    const counts: Record<string, number> = {};
    for (const match of text.matchAll(/^switchboard_connection_rate_limited_runs_total\{[^}]*outcome="(\w+)"[^}]*\} (\d+)/gm)) counts[match[1]] = Number(match[2]);
    return counts;
  }

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      arrivals.set(request.url ?? '', [...arrivalsAt(request.url ?? ''), performance.now()]);
      request.resume();
      if (request.url?.startsWith('/flaky')) response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"error":"overloaded"}');
      else if (request.url?.startsWith('/busy-once') && arrivalsAt(request.url).length === 1) response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' }).end('{"error":"busy"}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    // Its own operations port, so that each replica's counters can be read apart.
    const { OPS_PORT: _firstReplicasPort, ...executorEnv } = platform.services['action-executor'].env;
    secondExecutor = await startService('action-executor', { nats: platform.nats, env: executorEnv });
    credentials = await platform.createWorkspace('paced');
    switchboard = switchboardFor(platform, credentials);
    await switchboard.product.init('paced');
  });

  afterAll(async () => {
    await secondExecutor?.stop();
    await platform?.stop();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('lets a burst through both executors no faster than the app limit, queueing what fits the wait and refusing the rest unsent', async () => {
    const limit: RateLimitInput = { requests: 4, per: 'second', burst: 2, max_wait_ms: 1000 };
    await connectApp('paced-app', limit);
    const executors = [platform.services['action-executor'], secondExecutor];
    const before = await Promise.all(executors.map(limitedRunsOf));

    const startedAt = performance.now();
    const settled = await Promise.allSettled(Array.from({ length: 30 }, () => run('paced-app')));

    const sent = settled.filter((result) => result.status === 'fulfilled');
    const refused = settled.map(refusalOf).filter((error) => error !== undefined);
    expect(sent.length + refused.length).toBe(30);
    // The burst at once, then one turn every 250 ms within the 1 s wait: at least these six, whatever the machine's pace.
    expect(sent.length).toBeGreaterThanOrEqual(6);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) {
      expect([error.status, error.code]).toEqual([429, 'connection_rate_limited']);
      expect(error.details).toMatchObject({ access_tag: 'paced-app', env: 'prd', source: 'app', rate_limit: limit });
      expect(error.details.retry_after_ms).toBeGreaterThan(1000);
    }
    // A refused run never reached the upstream, and what did reach it came no faster than the limit.
    expect(arrivalsAt('/paced-app')).toHaveLength(sent.length);
    assertNeverAhead(arrivalsAt('/paced-app'), startedAt, { perSecond: 4, burst: 2 });

    // Both replicas took runs of the burst and kept the one limit together: each waited some out and refused some.
    const after = await Promise.all(executors.map(limitedRunsOf));
    const delta = (index: number, outcome: string): number => (after[index][outcome] ?? 0) - (before[index][outcome] ?? 0);
    expect(delta(0, 'delayed') + delta(1, 'delayed')).toBeGreaterThan(0);
    expect(delta(0, 'refused') + delta(1, 'refused')).toBe(refused.length);
    expect([delta(0, 'delayed') + delta(0, 'refused'), delta(1, 'delayed') + delta(1, 'refused')].every((count) => count > 0)).toBe(true);
  });

  it("says when the connection's next turn is free: Retry-After on the reply, the refusal in the run record", async () => {
    await connectApp('paced-once', { requests: 1, per: 'minute', max_wait_ms: 0 });
    await run('paced-once');
    const response = await fetch(`${platform.url}/v1/actions/run`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchboard-workspace-id': credentials.workspace_id,
        'x-switchboard-user-id': credentials.user_id,
        authorization: `Bearer ${credentials.private_key}`,
      },
      body: JSON.stringify({ env: 'prd', product: 'paced', app: 'paced-once', event: 'call' }),
    });
    const body = (await response.json()) as { code: string; details: { retry_after_ms: number } };
    expect([response.status, body.code]).toEqual([429, 'connection_rate_limited']);
    expect(body.details.retry_after_ms).toBeGreaterThan(50_000);
    expect(Number(response.headers.get('retry-after'))).toBe(Math.ceil(body.details.retry_after_ms / 1000));
    expect(arrivalsAt('/paced-once')).toHaveLength(1);

    let records: Awaited<ReturnType<typeof switchboard.actions.runs.list>> = [];
    await waitUntil(async () => (records = await switchboard.actions.runs.list({ app: 'paced-once' })).length === 2, { what: 'both run records', timeoutMs: 10_000, intervalMs: 100 });
    expect(records.map((record) => [record.status, record.error_code])).toEqual(expect.arrayContaining([['failed', 'connection_rate_limited'], ['succeeded', null]]));
  });

  it("holds a connection env to its own limit over its app's, and to the app's again once the override is removed", async () => {
    const generous: RateLimitInput = { requests: 1000, per: 'second', burst: 1000 };
    await connectApp('paced-override', generous, { requests: 1, per: 'minute', max_wait_ms: 0 });
    // The same app connected a second time, without an override: its own bucket, under the app's generous limit.
    await switchboard.product.app.add({ access_tag: 'paced-override-2', app: 'paced-override', envs: [{ slug: 'prd', active: true }] });

    const overridden = await Promise.allSettled(Array.from({ length: 6 }, () => run('paced-override')));
    const plain = await Promise.allSettled(Array.from({ length: 6 }, () => run('paced-override-2')));
    expect(overridden.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refusals = overridden.map(refusalOf).filter((error) => error !== undefined);
    expect(refusals).toHaveLength(5);
    for (const error of refusals) {
      expect(error.code).toBe('connection_rate_limited');
      expect(error.details).toMatchObject({ access_tag: 'paced-override', source: 'connection', rate_limit: { requests: 1, per: 'minute', burst: 1, max_wait_ms: 0 } });
    }
    expect(plain.every((result) => result.status === 'fulfilled')).toBe(true);
    // Both connections call the same path: one of the first six, all of the second six.
    expect(arrivalsAt('/paced-override')).toHaveLength(7);

    const updated = await switchboard.product.app.update('paced-override', { envs: [{ slug: 'prd', rate_limit: null }] });
    expect(updated.envs[0]?.rate_limit).toBeNull();
    // Every replica drops the connection's plan on its change event; then the app's limit applies.
    await waitUntil(async () => (await Promise.allSettled([run('paced-override'), run('paced-override')])).every((result) => result.status === 'fulfilled'), {
      what: "the app's limit to apply again",
      timeoutMs: 10_000,
      intervalMs: 100,
    });
  });

  it("gives each repeated attempt a turn of its own: without one, the upstream's 503 stands and nothing more is sent", async () => {
    await connectApp('flaky', { requests: 2, per: 'minute', burst: 2, max_wait_ms: 0 }, undefined, 'GET');
    const executors = [platform.services['action-executor'], secondExecutor];
    const before = await Promise.all(executors.map(limitedRunsOf));

    const result = await run('flaky');

    // The first attempt and one repeat took the two turns; the executor's third attempt had none.
    expect([result.status, result.body]).toEqual([503, { error: 'overloaded' }]);
    expect(arrivalsAt('/flaky')).toHaveLength(2);
    const after = await Promise.all(executors.map(limitedRunsOf));
    const dropped = executors.reduce((sum, _executor, index) => sum + (after[index].retry_dropped ?? 0) - (before[index].retry_dropped ?? 0), 0);
    expect(dropped).toBe(1);
  });

  it("books a repeated attempt's turn once its Retry-After is over, so it never goes out beside the turns booked meanwhile", async () => {
    await connectApp('busy-once', { requests: 2, per: 'second', burst: 1, max_wait_ms: 5000 }, undefined, 'GET');
    const first = run('busy-once');
    await waitUntil(() => Promise.resolve(arrivalsAt('/busy-once').length === 1), { what: 'the first attempt', timeoutMs: 5_000, intervalMs: 10 });
    const others = Array.from({ length: 5 }, () => run('busy-once'));
    const results = await Promise.all([first, ...others]);

    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const at = [...arrivalsAt('/busy-once')].sort((a, b) => a - b);
    expect(at).toHaveLength(7);
    // Turns 500 ms apart: never three within 900 ms (100 ms of slack for the machine), whichever attempt they are.
    const crowded = at.slice(2).map((time, index) => time - at[index]).filter((span) => span < 900);
    expect(crowded).toEqual([]);
  });

  it('postpones dispatched runs over the limit instead of failing them, spending no attempt, and sends each once at the rate', async () => {
    await connectApp('paced-queue', { requests: 2, per: 'second', max_wait_ms: 0 });
    const startedAt = performance.now();
    const dispatched = await Promise.all(Array.from({ length: 6 }, () => switchboard.actions.dispatch({ env: 'prd', product: 'paced', app: 'paced-queue', event: 'call' })));
    const ids = new Set(dispatched.map((reply) => reply.run_id));
    let records: Awaited<ReturnType<typeof switchboard.actions.runs.list>> = [];
    await waitUntil(
      async () => (records = (await switchboard.actions.runs.list({ app: 'paced-queue' })).filter((record) => ids.has(record.run_id))).every((record) => record.status === 'succeeded') && records.length === 6,
      { what: 'every dispatched run to succeed', timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(records.map((record) => record.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(arrivalsAt('/paced-queue')).toHaveLength(6);
    assertNeverAhead(arrivalsAt('/paced-queue'), startedAt, { perSecond: 2, burst: 1 });
  });

  it.each([
    [{ requests: 0, per: 'second' }, 'rate_limit.requests', 'rate_limit.requests must not be less than 1'],
    [{ requests: 10, per: 'hour' }, 'rate_limit.per', 'rate_limit.per must be one of second, minute'],
    [{ requests: 10, per: 'second', burst: 1.5 }, 'rate_limit.burst', 'rate_limit.burst must be an integer number'],
    [{ requests: 10, per: 'second', max_wait_ms: 60_000 }, 'rate_limit.max_wait_ms', 'rate_limit.max_wait_ms must not be greater than 30000'],
    ['fast', 'rate_limit', 'rate_limit must be an object'],
  ])('refuses an app rate limit of %j with a 400 naming %s', async (rateLimit, field, message) => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/apps', { tag: 'paced-bad', rate_limit: rateLimit });
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    const { fields } = reply.body.details as { fields: { field: string; messages: string[] }[] };
    expect(fields.find((entry) => entry.field === field)?.messages).toContain(message);
  });

  it("refuses a connection env's bad rate limit with a 400 naming its full path, and an app's null on create", async () => {
    const connection = await gatewayRequest(platform, credentials, 'POST', '/v1/products/paced/connections', {
      access_tag: 'paced-app-bad',
      app: 'paced-app',
      envs: [{ slug: 'prd', rate_limit: { requests: -1, per: 'minute' } }],
    });
    expect([connection.status, connection.body.code]).toEqual([400, 'validation_failed']);
    expect(connection.body.details).toMatchObject({ fields: [expect.objectContaining({ field: 'envs.0.rate_limit.requests' })] });
    const created = await gatewayRequest(platform, credentials, 'POST', '/v1/apps', { tag: 'paced-null', rate_limit: null });
    expect([created.status, created.body.message]).toEqual([400, 'rate_limit must not be null']);
  });

  it("changes and removes an app's rate limit through PATCH, and shows it with its defaults", async () => {
    const app = await switchboard.app.update('paced-app', { rate_limit: { requests: 50, per: 'minute' } });
    expect(app.rate_limit).toEqual({ requests: 50, per: 'minute', burst: 1, max_wait_ms: 1000 });
    expect((await switchboard.app.update('paced-app', { name: 'Paced' })).rate_limit).toEqual(app.rate_limit);
    expect((await switchboard.app.update('paced-app', { rate_limit: null })).rate_limit).toBeNull();
  });
});
