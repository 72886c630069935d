import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Switchboard } from '@switchboard/sdk';
import {
  MICROSERVICE_NAMES,
  REPO_ROOT,
  standardWebhook,
  startFakeThirdPartyApi,
  startPlatform,
  startProductEndpoint,
  startService,
  startTcpRelay,
  waitUntil,
  type FakeThirdPartyApi,
  type MicroserviceName,
  type Platform,
  type ProductEndpoint,
  type TcpRelay,
} from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

/** The sum of every sample of `name` whose labels include `labels` (Prometheus text format, as prom-client writes it). */
function sampleSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (sample?.[1] !== name) continue;
    const series = Object.fromEntries([...(sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => series[key] === value)) sum += Number(sample[3]);
  }
  return sum;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('Every service answers Kubernetes probes and serves Prometheus metrics', () => {
  let platform: Platform;
  let upstream: FakeThirdPartyApi;
  let product: ProductEndpoint;
  let switchboard: Switchboard;
  let closedPortUrl: string;
  let receiveUrl: string;
  const signingSecret = `whsec_${randomBytes(32).toString('base64')}`;

  const opsUrl = (service: MicroserviceName): string => {
    const url = platform.services[service].opsUrl;
    if (url === undefined) throw new Error(`${service} has no operations listener`);
    return url;
  };
  const metricsOf = async (service: MicroserviceName | 'gateway'): Promise<string> =>
    (await get(service === 'gateway' ? `${platform.url}/metrics` : `${opsUrl(service)}/metrics`)).text;
  const readiness = async (service: MicroserviceName): Promise<{ status: number; body: unknown }> => {
    const reply = await get(`${opsUrl(service)}/health/ready`);
    return { status: reply.status, body: JSON.parse(reply.text) as unknown };
  };
  const readyAgain = (service: MicroserviceName): Promise<void> =>
    waitUntil(async () => (await readiness(service)).status === 200, { what: `${service} to be ready again`, timeoutMs: 30_000, intervalMs: 200 });

  beforeAll(async () => {
    upstream = await startFakeThirdPartyApi();
    upstream.route('GET', '/ok', () => ({ status: 200, body: { ok: true } }));
    upstream.route('GET', '/slow', async () => {
      await sleep(3000);
      return { status: 200, body: { ok: true } };
    });
    // A port nothing listens on any more: runs sent there fail as upstream_unreachable.
    const closed = await startFakeThirdPartyApi();
    closedPortUrl = closed.url;
    await closed.stop();

    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    switchboard = switchboardFor(platform, await platform.createWorkspace('probes'));
    await switchboard.app.create({
      tag: 'probe_api',
      envs: [{ slug: 'prd', base_url: upstream.url, request_type: 'JSON' }],
      actions: [
        { tag: 'read', method: 'GET', path: '/ok' },
        { tag: 'slow', method: 'GET', path: '/slow' },
      ],
    });
    await switchboard.product.init('shop');
    await switchboard.product.app.add({ access_tag: 'probe_api', app: 'probe_api', envs: [{ slug: 'prd', active: true }] });
    await switchboard.product.app.add({ access_tag: 'gone_api', app: 'probe_api', envs: [{ slug: 'prd', base_url: closedPortUrl, active: true }] });
    product = await startProductEndpoint();
    await switchboard.secrets.create({ key: 'HOOK_SECRET', value: signingSecret });
    const webhook = await switchboard.product.webhooks.create({
      name: 'events',
      tag: 'events',
      scheme: 'standard',
      signing_secret: '$Token{HOOK_SECRET}',
      forward_url: `${product.url}/events`,
    });
    receiveUrl = webhook.envs[0]?.receive_url ?? '';
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.stop();
    await product?.close();
  });

  it.each(MICROSERVICE_NAMES)('%s answers /health/live, and /health/ready with NATS and its database up', async (service) => {
    const live = await get(`${opsUrl(service)}/health/live`);
    expect([live.status, JSON.parse(live.text)]).toEqual([200, { status: 'ok' }]);
    expect(await readiness(service)).toEqual({ status: 200, body: { status: 'ok', checks: { nats: { status: 'up' }, database: { status: 'up' } } } });
  });

  it('the gateway answers /health/live and /health/ready as it answers /health and /ready', async () => {
    for (const path of ['/health', '/health/live']) expect(JSON.parse((await get(`${platform.url}${path}`)).text)).toEqual({ status: 'ok' });
    const ready = await get(`${platform.url}/health/ready`);
    expect(ready.status).toBe(200);
    const up = { status: 'up' };
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ok',
      checks: { nats: up, database: up, catalog: up, connection: up, 'secrets-vault': up, 'action-executor': up },
    });
    expect((await get(`${platform.url}/ready`)).text).toBe(ready.text);
  });

  it('an operations listener answers only its three paths, and only to GET and HEAD', async () => {
    const url = opsUrl('catalog');
    const unknown = await get(`${url}/v1/products`);
    expect([unknown.status, JSON.parse(unknown.text)]).toEqual([404, { code: 'not_found', message: 'No operations route /v1/products: use /health/live, /health/ready or /metrics' }]);
    const post = await fetch(`${url}/health/ready`, { method: 'POST' });
    expect([post.status, post.headers.get('allow'), await post.json()]).toEqual([405, 'GET, HEAD', { code: 'method_not_allowed', message: '/health/ready answers GET and HEAD only' }]);
    const head = await fetch(`${url}/health/live`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it.each([...MICROSERVICE_NAMES, 'gateway' as const])("%s serves Prometheus text at /metrics with Node's own metrics, labelled by service", async (service) => {
    const reply = await get(service === 'gateway' ? `${platform.url}/metrics` : `${opsUrl(service)}/metrics`);
    expect(reply.status).toBe(200);
    expect(reply.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sampleSum(reply.text, 'process_cpu_user_seconds_total', { service })).toBeGreaterThan(0);
    expect(reply.text).toContain('# TYPE nodejs_eventloop_lag_p99_seconds gauge');
  });

  it('every metric the README lists is served, by the service the README names', async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Probes and metrics'), readme.indexOf('\n## ', readme.indexOf('### Probes and metrics')));
    const rows = [...section.matchAll(/^\| (`switchboard_\w+`(?: \/ `switchboard_\w+`)*) \| (counter|gauge|histogram) \| .* \| (gateway|action-executor)\b.*\|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const [, names = '', type, service] of rows) {
      const text = await metricsOf(service as 'gateway' | 'action-executor');
      for (const [, name] of names.matchAll(/`(\w+)`/g)) expect(`${name} ${text.includes(`# TYPE ${name} ${type}\n`) ? 'served' : 'missing'}`).toBe(`${name} served`);
    }
  });

  it('a run is counted by the executor by mode, status and code with its stages timed, and by the gateway by route template', async () => {
    const runs = { mode: 'sync', status: 'succeeded', code: 'none', upstream_status: '2xx' };
    const requests = { method: 'POST', route: '/v1/actions/run', status: '200' };
    const [executorBefore, gatewayBefore] = await Promise.all([metricsOf('action-executor'), metricsOf('gateway')]);

    await switchboard.actions.run({ env: 'prd', product: 'shop', app: 'probe_api', event: 'read' });
    await switchboard.actions.run({ env: 'prd', product: 'shop', app: 'probe_api', event: 'read' });

    const [executor, gateway] = await Promise.all([metricsOf('action-executor'), metricsOf('gateway')]);
    expect(sampleSum(executor, 'switchboard_action_runs_total', runs) - sampleSum(executorBefore, 'switchboard_action_runs_total', runs)).toBe(2);
    for (const stage of ['resolve', 'connect', 'upstream', 'total']) {
      const count = { mode: 'sync', stage };
      expect(sampleSum(executor, 'switchboard_action_run_stage_seconds_count', count) - sampleSum(executorBefore, 'switchboard_action_run_stage_seconds_count', count)).toBe(2);
    }
    expect(sampleSum(gateway, 'switchboard_http_requests_total', requests) - sampleSum(gatewayBefore, 'switchboard_http_requests_total', requests)).toBe(2);
    expect(sampleSum(gateway, 'switchboard_http_request_duration_seconds_count', { method: 'POST', route: '/v1/actions/run' })).toBeGreaterThanOrEqual(2);
    // The second run found its plan in memory; the cache counters are the ones executor.cache-stats.fetch answers with.
    expect(sampleSum(executor, 'switchboard_executor_cache_lookups_total', { cache: 'run_plans', result: 'hit' })).toBeGreaterThanOrEqual(1);
    // Labels name templates and codes, never a workspace, a product or a URL.
    expect(gateway + executor).not.toMatch(/probe_api|shop|ws_/);
  });

  it('a run whose upstream is unreachable is counted with its code, and the outbound error and retries by host', async () => {
    const failed = { mode: 'sync', status: 'failed', code: 'upstream_unreachable' };
    const host = new URL(closedPortUrl).hostname;
    const before = await metricsOf('action-executor');

    await expect(switchboard.actions.run({ env: 'prd', product: 'shop', app: 'gone_api', event: 'read' })).rejects.toMatchObject({ code: 'upstream_unreachable' });

    const after = await metricsOf('action-executor');
    expect(sampleSum(after, 'switchboard_action_runs_total', failed) - sampleSum(before, 'switchboard_action_runs_total', failed)).toBe(1);
    const error = { host, code: 'upstream_unreachable' };
    expect(sampleSum(after, 'switchboard_outbound_errors_total', error) - sampleSum(before, 'switchboard_outbound_errors_total', error)).toBe(1);
    // A GET is retried on a refused connection: three attempts by default, two of them again.
    const retried = { host, reason: 'connection' };
    expect(sampleSum(after, 'switchboard_outbound_retries_total', retried) - sampleSum(before, 'switchboard_outbound_retries_total', retried)).toBe(2);
  });

  it('a dispatched run is counted as dispatched, with its delivery on the dispatch stream and the stream backlog', async () => {
    const before = await metricsOf('action-executor');
    const { run_id: runId } = await switchboard.actions.dispatch({ env: 'prd', product: 'shop', app: 'probe_api', event: 'read' });
    await waitUntil(async () => (await switchboard.actions.runs.fetch(runId).catch(() => undefined))?.status === 'succeeded', {
      what: `dispatched run ${runId} to succeed`,
      timeoutMs: 20_000,
      intervalMs: 100,
    });

    const after = await metricsOf('action-executor');
    const dispatched = { mode: 'dispatched', status: 'succeeded' };
    expect(sampleSum(after, 'switchboard_action_runs_total', dispatched) - sampleSum(before, 'switchboard_action_runs_total', dispatched)).toBe(1);
    const first = { stream: 'dispatch', delivery: 'first' };
    expect(sampleSum(after, 'switchboard_stream_deliveries_total', first) - sampleSum(before, 'switchboard_stream_deliveries_total', first)).toBe(1);
    expect(sampleSum(after, 'switchboard_action_run_stage_seconds_count', { mode: 'dispatched', stage: 'queue' })).toBeGreaterThanOrEqual(1);
    // Asked of NATS at scrape time: nothing waits once the run has succeeded.
    expect(after).toMatch(/^switchboard_stream_consumer_messages\{(?=[^}]*stream="dispatch")(?=[^}]*state="pending")[^}]*\} 0$/m);
  });

  it('a webhook receipt is counted by outcome and its delivery by result, with its delivery on the webhook stream', async () => {
    const before = await metricsOf('action-executor');
    const signed = standardWebhook({ url: receiveUrl, secrets: [signingSecret], body: '{"type":"invoice.paid"}' });
    const post = async (webhook: typeof signed): Promise<number> => (await fetch(webhook.url, { method: 'POST', headers: webhook.headers, body: webhook.body })).status;
    expect(await post(signed)).toBe(200);
    expect(await post(signed)).toBe(200);
    expect(await post({ ...signed, headers: { ...signed.headers, 'webhook-signature': 'v1,bm90IHRoZSBzaWduYXR1cmU=' } })).toBe(401);
    await waitUntil(() => Promise.resolve(product.to('/events').length === 1), { what: 'the event to be forwarded', timeoutMs: 20_000, intervalMs: 50 });

    const delivered = async (): Promise<number> => sampleSum(await metricsOf('action-executor'), 'switchboard_webhook_deliveries_total', { result: 'delivered' });
    // The attempt is counted once recorded, just after the forward URL answered.
    await waitUntil(async () => (await delivered()) - sampleSum(before, 'switchboard_webhook_deliveries_total', { result: 'delivered' }) === 1, {
      what: 'the delivery to be counted',
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const after = await metricsOf('action-executor');
    const added = (name: string, labels: Record<string, string>): number => sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect([
      added('switchboard_webhook_receipts_total', { outcome: 'accepted', code: 'none' }),
      added('switchboard_webhook_receipts_total', { outcome: 'duplicate', code: 'none' }),
      added('switchboard_webhook_receipts_total', { outcome: 'refused', code: 'webhook_signature_invalid' }),
      added('switchboard_stream_deliveries_total', { stream: 'webhook_delivery', delivery: 'first' }),
    ]).toEqual([1, 1, 1, 1]);
  });

  it('a service whose PostgreSQL is cut off is not ready, naming only the database, and is ready again once it is back', async () => {
    const relay: TcpRelay = await startTcpRelay(platform.databaseUrl);
    // The relay's URL names only its address; the user, password and database stay the platform's.
    const relayed = new URL(platform.databaseUrl);
    relayed.port = new URL(relay.url).port;
    try {
      await platform.restartService('catalog', { DATABASE_URL: relayed.href });
      relay.cut();
      const cut = await readiness('catalog');
      expect(cut).toEqual({ status: 503, body: { status: 'error', checks: { nats: { status: 'up' }, database: { status: 'down' } } } });
      expect(JSON.stringify(cut.body)).not.toMatch(/ECONN|127\.0\.0\.1|postgres/);
      expect((await get(`${opsUrl('catalog')}/health/live`)).status).toBe(200);
      relay.restore();
      await readyAgain('catalog');
    } finally {
      await platform.restartService('catalog', { DATABASE_URL: platform.databaseUrl });
      await relay.close();
    }
  });

  it('a service cut off from NATS is not ready, naming only NATS, and is ready again once it is back', async () => {
    const relay: TcpRelay = await startTcpRelay(platform.natsUrl);
    try {
      await platform.restartService('connection', { NATS_URL: relay.url });
      relay.cut();
      expect(await readiness('connection')).toEqual({ status: 503, body: { status: 'error', checks: { nats: { status: 'down' }, database: { status: 'up' } } } });
      relay.restore();
      await readyAgain('connection');
    } finally {
      await platform.restartService('connection', { NATS_URL: platform.natsUrl });
      await relay.close();
    }
  });

  it('a stopping service is not ready while it finishes the work under way', async () => {
    const { run_id: runId } = await switchboard.actions.dispatch({ env: 'prd', product: 'shop', app: 'probe_api', event: 'slow' });
    await waitUntil(async () => (await switchboard.actions.runs.fetch(runId)).status === 'running', { what: `run ${runId} to be running`, timeoutMs: 20_000, intervalMs: 50 });

    const stopped = platform.stopService('action-executor');
    let seen: unknown;
    await waitUntil(
      async () => {
        seen = (await readiness('action-executor').catch(() => undefined))?.body;
        return JSON.stringify(seen).includes('"shutdown"');
      },
      { what: 'the stopping executor to say it is not ready', timeoutMs: 5_000, intervalMs: 50 },
    );
    expect(seen).toEqual({ status: 'error', checks: { nats: { status: 'up' }, database: { status: 'up' }, shutdown: { status: 'down' } } });
    await stopped;
    await platform.restartService('action-executor');
    // The run finished during the drain rather than being handed back.
    expect((await switchboard.actions.runs.fetch(runId)).status).toBe('succeeded');
  });

  it('a service whose OPS_PORT is taken stops at start, saying so', async () => {
    const taken = new URL(opsUrl('catalog')).port;
    // Healthy at once to startService: the running catalog answers on the port and the health subject both share.
    const second = await startService('catalog', { nats: platform.nats, env: { ...platform.services.catalog.env, OPS_PORT: taken } });
    try {
      expect(await second.exited).toMatchObject({ code: 1 });
      expect(second.logs.join('\n')).toContain(`The operations listener cannot listen on port ${taken} (OPS_PORT): listen EADDRINUSE`);
    } finally {
      if (second.exitStatus() === undefined) await second.kill();
    }
  });

  it("the gateway's /metrics asks for GATEWAY_METRICS_TOKEN once it is set", async () => {
    await platform.restartService('gateway', { GATEWAY_METRICS_TOKEN: 'scrape-token-for-tests' });
    const missing = await get(`${platform.url}/metrics`);
    expect([missing.status, JSON.parse(missing.text)]).toMatchObject([401, { code: 'unauthenticated' }]);
    expect((await get(`${platform.url}/metrics`, { authorization: 'Bearer another-token' })).status).toBe(401);
    const allowed = await get(`${platform.url}/metrics`, { authorization: 'Bearer scrape-token-for-tests' });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('# TYPE switchboard_http_requests_total counter');
  });
});
