import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor } from '../test/fixtures.js';
import { Switchboard, type RunRecord } from './index.js';

const record: RunRecord = {
  run_id: 'run_0b6f2d1e-6a57-4c2e-9d1a-1f0b9e2c3d4e',
  product: 'shop',
  access_tag: 'stripe-payments',
  app: 'stripe',
  env: 'prd',
  event: 'create-charge',
  status: 'succeeded',
  http_status: 200,
  error_code: null,
  error_message: null,
  request: { method: 'POST', url: 'https://api.stripe.com/v1/charges', headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: 1 } },
  secret_versions: { STRIPE_KEY: 1 },
  timings: { queue_ms: 0.4, resolve_ms: 1.2, connect_ms: 0.1, upstream_ms: 20, total_ms: 22 },
  attempts: 1,
  max_attempts: 1,
  created_at: '2025-01-31T12:00:00.123456Z',
};

describe('switchboard.actions.runs', () => {
  let gateway: FakeGateway;
  let switchboard: Switchboard;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    switchboard = new Switchboard(optionsFor(gateway.url));
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('list without filters asks for the newest records', async () => {
    gateway.on('GET', '/v1/actions/runs', { status: 200, json: [record] });

    await expect(switchboard.actions.runs.list()).resolves.toEqual([record]);
  });

  it('list sends every given filter as a query parameter', async () => {
    const path = '/v1/actions/runs?product=shop&app=stripe-payments&status=failed&limit=10&before=2025-01-31T12%3A00%3A00.123456Z';
    gateway.on('GET', path, { status: 200, json: [] });

    await switchboard.actions.runs.list({ product: 'shop', app: 'stripe-payments', status: 'failed', limit: 10, before: record.created_at });

    expect(gateway.lastRequest).toMatchObject({ method: 'GET', path });
  });

  it('fetch reads one record by its run id', async () => {
    gateway.on('GET', `/v1/actions/runs/${record.run_id}`, { status: 200, json: record });

    await expect(switchboard.actions.runs.fetch(record.run_id)).resolves.toEqual(record);
  });

  it('fetch rejects with the gateway error for an unknown run', async () => {
    gateway.on('GET', '/v1/actions/runs/run_x', { status: 404, json: { code: 'run_not_found', message: "Run 'run_x' not found", details: {} } });

    await expect(switchboard.actions.runs.fetch('run_x')).rejects.toMatchObject({ code: 'run_not_found', status: 404 });
  });

  it('fetch refuses an empty run id without sending a request', async () => {
    await expect(switchboard.actions.runs.fetch('')).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'run_id' } });

    expect(gateway.requests).toHaveLength(0);
  });
});
