import { randomBytes } from 'node:crypto';
import { type RunRecord, type RunRecordFilters, type Switchboard } from '@switchboard/sdk';
import {
  scanForLeaks,
  startFakeStripe,
  startPlatform,
  waitUntil,
  type FakeThirdPartyApi,
  type Platform,
  type WorkspaceCredentials,
} from '@switchboard/testing';
import { gatewayRequest, refusal, switchboardFor } from './switchboard-for.js';

describe('Run records: written after each run, listed and fetched through the gateway and the SDK', () => {
  const secretValue = `sk_live_records_${randomBytes(8).toString('hex')}`;
  const rotatedValue = `sk_live_records_rotated_${randomBytes(8).toString('hex')}`;
  const responses: Record<string, string> = {};
  let platform: Platform;
  let stripe: FakeThirdPartyApi;
  let aliceCredentials: WorkspaceCredentials;
  let alice: Switchboard;
  let bob: Switchboard;
  let succeededRunId: string;

  /** Polls until the list answers with what `done` wants: records appear shortly after the run's reply. */
  async function listUntil(filters: RunRecordFilters, done: (records: RunRecord[]) => boolean): Promise<RunRecord[]> {
    let records: RunRecord[] = [];
    await waitUntil(
      async () => {
        records = await alice.actions.runs.list(filters);
        return done(records);
      },
      { what: `run records matching ${JSON.stringify(filters)}`, timeoutMs: 10_000, intervalMs: 50 },
    );
    responses[`runs.list ${JSON.stringify(filters)}`] = JSON.stringify(records);
    return records;
  }

  const charge = (app: string) =>
    alice.actions.run({
      env: 'prd',
      product: 'ecommerce-platform',
      app,
      event: 'create-charge',
      input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: 2000, currency: 'usd' } },
    });

  beforeAll(async () => {
    stripe = await startFakeStripe([secretValue, rotatedValue]);
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    aliceCredentials = await platform.createWorkspace('records-alice');
    alice = switchboardFor(platform, aliceCredentials);
    bob = switchboardFor(platform, await platform.createWorkspace('records-bob'));

    await alice.app.create({
      tag: 'stripe',
      envs: [{ slug: 'prd', base_url: stripe.url, request_type: 'JSON' }],
      actions: [{ tag: 'create-charge', method: 'POST', path: '/v1/charges' }],
    });
    await alice.product.init('ecommerce-platform');
    for (const access_tag of ['stripe-payments', 'analytics_app']) {
      await alice.product.app.add({ access_tag, app: 'stripe', envs: [{ slug: 'prd', active: true }] });
    }
    await alice.secrets.create({ key: 'STRIPE_KEY', value: secretValue, scope: ['stripe-payments'] });
  });

  afterAll(async () => {
    await platform?.stop();
    await stripe?.stop();
  });

  it('records a successful and a refused run, showing references and versions, never values', async () => {
    const succeeded = await charge('stripe-payments');
    expect(succeeded.status).toBe(200);
    expect(stripe.received.at(-1)?.headers.authorization).toBe(`Bearer ${secretValue}`);
    succeededRunId = succeeded.run_id;
    const refused = await refusal(charge('analytics_app'));
    expect([refused.status, refused.code]).toEqual([403, 'secret_not_in_scope']);

    const records = await listUntil({}, (found) => found.length >= 2);

    const [failed, success] = records;
    expect(success).toMatchObject({
      run_id: succeeded.run_id,
      product: 'ecommerce-platform',
      access_tag: 'stripe-payments',
      app: 'stripe',
      env: 'prd',
      event: 'create-charge',
      status: 'succeeded',
      http_status: 200,
      error_code: null,
      error_message: null,
      request: {
        method: 'POST',
        url: `${stripe.url}/v1/charges`,
        headers: { Authorization: 'Bearer $Token{STRIPE_KEY}', 'content-type': 'application/json' },
        body: { amount: 2000, currency: 'usd' },
      },
      secret_versions: { STRIPE_KEY: 1 },
    });
    for (const phase of ['queue_ms', 'resolve_ms', 'connect_ms', 'upstream_ms', 'total_ms'] as const) {
      expect(typeof success?.timings[phase]).toBe('number');
    }
    expect(failed).toMatchObject({
      access_tag: 'analytics_app',
      status: 'failed',
      http_status: null,
      error_code: 'secret_not_in_scope',
      error_message: "Secret 'STRIPE_KEY' is not accessible by app 'analytics_app'",
      request: { method: 'POST', headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' } },
      secret_versions: {},
      timings: { connect_ms: null, upstream_ms: null },
    });
    expect(failed?.run_id).toMatch(/^run_/);
    expect(Date.parse(failed?.created_at ?? '')).toBeGreaterThanOrEqual(Date.parse(success?.created_at ?? ''));
  });

  it('fetches a record by its run id, and answers another workspace with 404', async () => {
    const fetched = await alice.actions.runs.fetch(succeededRunId);
    responses['runs.fetch'] = JSON.stringify(fetched);
    expect(fetched).toMatchObject({ run_id: succeededRunId, status: 'succeeded', secret_versions: { STRIPE_KEY: 1 } });

    const foreign = await refusal(bob.actions.runs.fetch(succeededRunId));
    expect([foreign.status, foreign.code, foreign.message]).toEqual([404, 'run_not_found', `Run '${succeededRunId}' not found`]);
    expect(await bob.actions.runs.list()).toEqual([]);
    const unknown = await refusal(alice.actions.runs.fetch('run_x'));
    expect([unknown.status, unknown.code, unknown.message]).toEqual([404, 'run_not_found', "Run 'run_x' not found"]);
  });

  it('filters by app, product and status, and pages with the created_at of the last record', async () => {
    expect((await alice.actions.runs.list({ status: 'failed' })).map((record) => record.access_tag)).toEqual(['analytics_app']);
    expect((await alice.actions.runs.list({ app: 'stripe-payments' })).map((record) => record.run_id)).toEqual([succeededRunId]);
    expect(await alice.actions.runs.list({ product: 'other-product' })).toEqual([]);

    const [first] = await alice.actions.runs.list({ limit: 1 });
    const next = await alice.actions.runs.list({ limit: 1, before: first?.created_at ?? '' });
    expect(next.map((record) => record.run_id)).toEqual([succeededRunId]);
  });

  it('lists only runs created strictly after `after`, alone or with `before` as a time range', async () => {
    const [newest, older] = await alice.actions.runs.list({ limit: 2 });
    const after = older?.created_at ?? '';

    expect((await alice.actions.runs.list({ after })).map((record) => record.run_id)).toEqual([newest?.run_id]);
    expect(await alice.actions.runs.list({ after: newest?.created_at ?? '' })).toEqual([]);
    expect(await alice.actions.runs.list({ after, before: newest?.created_at ?? '' })).toEqual([]);
    const hourAgo = new Date(Date.parse(after) - 3_600_000).toISOString();
    expect((await alice.actions.runs.list({ after: hourAgo, status: 'succeeded' })).map((record) => record.run_id)).toEqual([succeededRunId]);
  });

  it('records the version of a rotated secret', async () => {
    await alice.secrets.rotate('STRIPE_KEY', rotatedValue);
    const run = await charge('stripe-payments');

    const [record] = await listUntil({ app: 'stripe-payments', limit: 1 }, (found) => found[0]?.run_id === run.run_id);

    expect(record?.secret_versions).toEqual({ STRIPE_KEY: 2 });
    expect(record?.request.headers).toMatchObject({ Authorization: 'Bearer $Token{STRIPE_KEY}' });
  });

  it('refuses bad filters, naming the field', async () => {
    const notANumber = await gatewayRequest(platform, aliceCredentials, 'GET', '/v1/actions/runs?limit=abc');
    expect([notANumber.status, notANumber.body.code]).toEqual([400, 'validation_failed']);
    expect(notANumber.body.message).toContain('limit');
    const tooMany = await refusal(alice.actions.runs.list({ limit: 500 }));
    expect([tooMany.status, tooMany.code]).toEqual([400, 'validation_failed']);
    expect(tooMany.message).toContain('limit');
    const before = await refusal(alice.actions.runs.list({ before: 'yesterday' }));
    expect([before.status, before.code]).toEqual([400, 'validation_failed']);
    expect(before.message).toContain('before');
    const after = await refusal(alice.actions.runs.list({ after: '2026-W05-6' }));
    expect([after.status, after.code, after.message]).toEqual([400, 'validation_failed', 'after must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z']);
  });

  it('leaves no secret value in the records, their responses, any table or any log', async () => {
    const logs = Object.fromEntries(Object.values(platform.services).map((service) => [service.name, service.logs]));
    const leaks = await scanForLeaks([secretValue, rotatedValue], { texts: responses, databaseUrl: platform.databaseUrl, logs });

    expect(leaks).toEqual([]);
    // The scan must have had records to search.
    expect(Object.keys(responses).length).toBeGreaterThanOrEqual(3);
  });
});
