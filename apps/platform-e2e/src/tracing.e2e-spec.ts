import { randomBytes } from 'node:crypto';
import type { Switchboard } from '@switchboard/sdk';
import {
  scanForLeaks,
  startFakeThirdPartyApi,
  startOtlpCollector,
  startPlatform,
  waitUntil,
  type CollectedSpan,
  type FakeThirdPartyApi,
  type OtlpCollector,
  type Platform,
  type WorkspaceCredentials,
} from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

describe('Tracing: one run is one trace, from the gateway through NATS and JetStream to the outbound call', () => {
  const secretValue = `sb-canary-trace-${randomBytes(8).toString('hex')}`;
  let collector: OtlpCollector;
  let upstream: FakeThirdPartyApi;
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let client: Switchboard;

  const run = (order: string) => ({
    env: 'prd',
    product: 'shop',
    app: 'orders',
    event: 'create-order',
    input: { headers: { 'X-Api-Key': '$Token{ORDERS_KEY}' }, query: { key: '$Token{ORDERS_KEY}' }, body: { order, token: '$Token{ORDERS_KEY}' } },
  });

  /** Calls the gateway as the workspace, with a `traceparent` of the caller's own when given. */
  async function post(path: string, body: unknown, traceparent?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${platform.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchboard-workspace-id': credentials.workspace_id,
        'x-switchboard-user-id': credentials.user_id,
        authorization: `Bearer ${credentials.private_key}`,
        ...(traceparent === undefined ? {} : { traceparent }),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The spans of one trace, once every span `expected` describes has arrived (exports are batched per service). */
  async function traceWith(traceId: string, expected: ((span: CollectedSpan) => boolean)[]): Promise<CollectedSpan[]> {
    let spans: CollectedSpan[] = [];
    await waitUntil(
      () => {
        spans = collector.spans().filter((span) => span.traceId === traceId);
        return Promise.resolve(expected.every((matches) => spans.some(matches)));
      },
      { what: `the spans of trace ${traceId}`, timeoutMs: 20_000, intervalMs: 100 },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; spans of the trace so far: ${JSON.stringify(spans, null, 1)}`, { cause: error });
    });
    return spans;
  }

  const only = (spans: CollectedSpan[], matches: (span: CollectedSpan) => boolean): CollectedSpan => {
    const [found, ...others] = spans.filter(matches);
    expect(others).toEqual([]);
    if (found === undefined) throw new Error('No span of the trace matches');
    return found;
  };

  // Secrets may be asked for twice in one run: the executor prefetches what the run's plan needed last time.
  const expectChildrenOf = (parent: CollectedSpan, children: CollectedSpan[]): void => {
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(child.parentSpanId).toBe(parent.spanId);
  };

  const gatewayRequest = (route: string) => (span: CollectedSpan) => span.service === 'gateway' && span.kind === SERVER && span.name === `POST ${route}`;
  const handled = (service: string, subject: string, kind = SERVER) => (span: CollectedSpan) => span.service === service && span.kind === kind && span.name === subject;
  const outboundCall = (span: CollectedSpan) => span.service === 'action-executor' && span.kind === CLIENT && span.name === 'POST';

  beforeAll(async () => {
    collector = await startOtlpCollector();
    upstream = await startFakeThirdPartyApi();
    upstream.route('POST', '/orders', () => ({ status: 201, body: { id: 'ord_1' } }));
    platform = await startPlatform({
      env: {
        SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1',
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        // Batches leave every 100 ms instead of every 5 s, so the test reads them soon.
        OTEL_BSP_SCHEDULE_DELAY: '100',
        // Every run asks the secrets-vault for its secrets, as the first run after a change does, instead of the cache.
        EXECUTOR_CACHE_MAX_AGE_MS: '1',
      },
    });
    credentials = await platform.createWorkspace('tracing');
    client = switchboardFor(platform, credentials);
    await client.app.create({
      tag: 'orders-api',
      envs: [{ slug: 'prd', base_url: upstream.url, request_type: 'JSON' }],
      actions: [{ tag: 'create-order', method: 'POST', path: '/orders' }],
    });
    await client.product.init('shop');
    await client.product.app.add({ access_tag: 'orders', app: 'orders-api', envs: [{ slug: 'prd', active: true }] });
    await client.secrets.create({ key: 'ORDERS_KEY', value: secretValue });
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.stop();
    await collector?.stop();
  });

  it('traces an action run as gateway request → executor → secrets-vault and the outbound call, each a child of the right span', async () => {
    const answer = await post('/v1/actions/run', run('traced'));
    expect(answer.status).toBe(200);
    const root = await waitForSpan(gatewayRequest('/v1/actions/run'));

    const spans = await traceWith(root.traceId, [handled('action-executor', 'actions.action.run'), handled('secrets-vault', 'secrets.reference.resolve'), outboundCall]);

    expect(root.parentSpanId).toBe('');
    expect(root.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/v1/actions/run', 'http.response.status_code': 200 });
    const executor = only(spans, handled('action-executor', 'actions.action.run'));
    expect(executor.parentSpanId).toBe(root.spanId);
    expectChildrenOf(executor, spans.filter(handled('secrets-vault', 'secrets.reference.resolve')));
    const call = only(spans, outboundCall);
    expect(call.parentSpanId).toBe(executor.spanId);
    expect(call.attributes).toEqual({
      'http.request.method': 'POST',
      'server.address': '127.0.0.1',
      'server.port': Number(new URL(upstream.url).port),
      'url.scheme': 'http',
      'http.response.status_code': 201,
    });
    // Every span of the trace hangs off another span of it: nothing started a trace of its own on the way.
    const ids = new Set(spans.map((span) => span.spanId));
    for (const span of spans.filter(({ spanId }) => spanId !== root.spanId)) expect(ids.has(span.parentSpanId)).toBe(true);
    // The trace stops at the platform's edge: third parties are not told our trace ids.
    expect(upstream.received.at(-1)?.headers.traceparent).toBeUndefined();
  });

  it('continues the trace a caller sends in traceparent, through the dispatch queue to the outbound call', async () => {
    const callerTrace = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const answer = await post('/v1/actions/dispatch', run('dispatched'), `00-${callerTrace}-${callerSpan}-01`);
    expect(answer.status).toBe(202);

    const spans = await traceWith(callerTrace, [
      gatewayRequest('/v1/actions/dispatch'),
      handled('action-executor', 'actions.action.dispatch'),
      handled('action-executor', 'actions.dispatch.run', CONSUMER),
      handled('secrets-vault', 'secrets.reference.resolve'),
      outboundCall,
    ]);

    const root = only(spans, gatewayRequest('/v1/actions/dispatch'));
    expect(root.parentSpanId).toBe(callerSpan);
    const queued = only(spans, handled('action-executor', 'actions.action.dispatch'));
    expect(queued.parentSpanId).toBe(root.spanId);
    const worked = only(spans, handled('action-executor', 'actions.dispatch.run', CONSUMER));
    expect(worked.parentSpanId).toBe(queued.spanId);
    expect(worked.attributes['messaging.nats.delivery_count']).toBe(1);
    expectChildrenOf(worked, spans.filter(handled('secrets-vault', 'secrets.reference.resolve')));
    expect(only(spans, outboundCall).parentSpanId).toBe(worked.spanId);
  });

  it('exports no secret value: not in an attribute, a span name or anywhere in an export', async () => {
    await waitForSpan(outboundCall);
    expect(upstream.received.some((request) => request.headers['x-api-key'] === secretValue && request.path.includes(secretValue))).toBe(true);
    expect(await scanForLeaks([secretValue], { texts: Object.fromEntries(collector.bodies().map((body, index) => [`OTLP export ${index + 1}`, body])) })).toEqual([]);
  });

  it('stamps trace_id and span_id on the log lines written inside a span, in every service', async () => {
    const refused = await post('/v1/actions/run', { ...run('refused'), env: 'no-such-env' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const root = await waitForSpan((span) => gatewayRequest('/v1/actions/run')(span) && span.attributes['http.response.status_code'] === refused.status);
    const executor = only(await traceWith(root.traceId, [handled('action-executor', 'actions.action.run')]), handled('action-executor', 'actions.action.run'));
    // A refusal marks the span failed with its code alone: its message may quote what the caller sent.
    expect(executor).toMatchObject({ status: 2, attributes: { 'error.type': refused.body.code } });

    const lineOf = async (service: 'gateway' | 'action-executor', message: string): Promise<{ trace_id?: string; span_id?: string }> => {
      const line = await platform.services[service].waitForLog(new RegExp(`"trace_id":"${root.traceId}".*"msg":"${message}"`));
      return JSON.parse(line) as { trace_id?: string; span_id?: string };
    };
    expect(await lineOf('gateway', 'request completed')).toMatchObject({ trace_id: root.traceId, span_id: root.spanId });
    expect(await lineOf('action-executor', 'message refused')).toMatchObject({ trace_id: root.traceId, span_id: executor.spanId });
  });

  async function waitForSpan(matches: (span: CollectedSpan) => boolean): Promise<CollectedSpan> {
    let found: CollectedSpan | undefined;
    await waitUntil(() => Promise.resolve((found = collector.spans().find(matches)) !== undefined), { what: 'a span to be exported', timeoutMs: 20_000, intervalMs: 100 });
    if (found === undefined) throw new Error('waitUntil resolved without a span');
    return found;
  }
});
