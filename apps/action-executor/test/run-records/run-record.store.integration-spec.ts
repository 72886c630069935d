import { runMigrations, serviceDataSourceOptions } from '@switchboard/platform';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import type { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { actionExecutorDatabase } from '../../src/database/action-executor.database.js';
import type { RunRecordEntity } from '../../src/run-records/run-record.entity.js';
import { RunRecordStore } from '../../src/run-records/run-record.store.js';
import { RunRetention } from '../../src/run-records/run-retention.js';
import { RunRecordsConfig } from '../../src/run-records/run-records.config.js';

function row(id: string, createdAt: string, overrides: Partial<RunRecordEntity> = {}): RunRecordEntity {
  return {
    id,
    workspace_id: 'ws_a',
    product: 'shop',
    access_tag: 'stripe-payments',
    app: 'stripe',
    env: 'prd',
    event: 'create-charge',
    status: 'succeeded',
    http_status: 200,
    error_code: null,
    error_message: null,
    method: 'POST',
    url: 'https://api.stripe.com/v1/charges',
    request_headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' },
    request_body: { amount: 1 },
    secret_versions: { STRIPE_KEY: 1 },
    timings: { queue_ms: 0.2, resolve_ms: 1, connect_ms: 0.1, upstream_ms: 5, total_ms: 7 },
    attempts: 1,
    max_attempts: 1,
    dispatch_key: null,
    dispatch_fingerprint: null,
    dispatch_message: null,
    created_at: createdAt,
    ...overrides,
  };
}

describe('RunRecordStore against PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: RunRecordStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = serviceDataSourceOptions(database.url, actionExecutorDatabase);
    await runMigrations(options);
    dataSource = await new DataSource(options).initialize();
    store = new RunRecordStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE action_executor.action_runs');
  });

  it('inserts a batch in one statement and reads each record back as it was written', async () => {
    const failed = row('run_2', '2025-01-31T12:00:00.000002Z', {
      status: 'failed',
      http_status: null,
      error_code: 'secret_not_in_scope',
      error_message: "Secret 'STRIPE_KEY' is not accessible by app 'analytics_app'",
      request_body: null,
      secret_versions: {},
      timings: { queue_ms: null, resolve_ms: null, connect_ms: null, upstream_ms: null, total_ms: 3 },
    });
    const text = row('run_3', '2025-01-31T12:00:00.000003Z', { request_body: 'plain text body' });
    await store.insert([row('run_1', '2025-01-31T12:00:00.000001Z'), failed, text]);

    expect(await store.fetch('ws_a', 'run_2')).toEqual({
      run_id: 'run_2',
      product: 'shop',
      access_tag: 'stripe-payments',
      app: 'stripe',
      env: 'prd',
      event: 'create-charge',
      status: 'failed',
      http_status: null,
      error_code: 'secret_not_in_scope',
      error_message: "Secret 'STRIPE_KEY' is not accessible by app 'analytics_app'",
      request: { method: 'POST', url: 'https://api.stripe.com/v1/charges', headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: null },
      secret_versions: {},
      timings: { queue_ms: null, resolve_ms: null, connect_ms: null, upstream_ms: null, total_ms: 3 },
      attempts: 1,
      max_attempts: 1,
      created_at: '2025-01-31T12:00:00.000002Z',
    });
    expect((await store.fetch('ws_a', 'run_3'))?.request.body).toBe('plain text body');
  });

  it('ignores a record written twice (a retried batch that had reached the database)', async () => {
    await store.insert([row('run_1', '2025-01-31T12:00:00Z')]);
    await store.insert([row('run_1', '2025-01-31T12:00:00Z'), row('run_2', '2025-01-31T12:00:01Z')]);

    expect((await store.list({ workspaceId: 'ws_a' })).map((record) => record.run_id)).toEqual(['run_2', 'run_1']);
  });

  describe('a dispatched run’s state changes', () => {
    const queued = (): RunRecordEntity =>
      row('run_d', '2025-01-31T12:00:00.000001Z', {
        status: 'queued',
        http_status: null,
        secret_versions: {},
        timings: { queue_ms: null, resolve_ms: null, connect_ms: null, upstream_ms: null, total_ms: null },
        attempts: 0,
        max_attempts: 5,
      });

    it('moves queued → running → succeeded, keeping the run’s workspace and dispatch time', async () => {
      await store.insert([queued()]);
      expect(await store.fetch('ws_a', 'run_d')).toMatchObject({ status: 'queued', attempts: 0, max_attempts: 5, timings: { total_ms: null } });

      expect(await store.startAttempt('ws_a', 'run_d')).toEqual({ state: 'started', attempt: 1 });
      expect(await store.fetch('ws_a', 'run_d')).toMatchObject({ status: 'running', attempts: 1 });

      const ended = row('run_d', '2025-01-31T12:00:09Z', { workspace_id: 'ws_other', status: 'succeeded', http_status: 201, attempts: 1, max_attempts: 5 });
      expect(await store.upsert(ended)).toBe(true);

      expect(await store.fetch('ws_a', 'run_d')).toMatchObject({
        status: 'succeeded',
        http_status: 201,
        attempts: 1,
        max_attempts: 5,
        timings: { total_ms: 7 },
        created_at: '2025-01-31T12:00:00.000001Z',
      });
      expect(await store.fetch('ws_other', 'run_d')).toBeUndefined();
    });

    it('leaves an ended run as it is: no later state, no new attempt, no dead letter', async () => {
      await store.insert([queued()]);
      await store.upsert(row('run_d', '2025-01-31T12:00:00Z', { status: 'succeeded', http_status: 200, attempts: 1, max_attempts: 5 }));

      expect(await store.upsert(row('run_d', '2025-01-31T12:00:00Z', { status: 'failed', http_status: null, error_code: 'upstream_timeout', attempts: 2 }))).toBe(false);
      expect(await store.startAttempt('ws_a', 'run_d')).toEqual({ state: 'ended' });
      expect(await store.deadLetterUnfinished('ws_a', 'run_d', { code: 'service_unavailable', message: 'stopped' })).toBe(false);

      expect(await store.fetch('ws_a', 'run_d')).toMatchObject({ status: 'succeeded', http_status: 200, error_code: null, attempts: 1 });
    });

    it('keeps a later attempt’s state when an earlier attempt reports late', async () => {
      await store.insert([queued()]);
      await store.startAttempt('ws_a', 'run_d');
      // Attempt 1 was handed back (or its ack wait ran out) while still under way; attempt 2 started elsewhere.
      expect(await store.startAttempt('ws_a', 'run_d')).toEqual({ state: 'started', attempt: 2 });

      expect(await store.upsert(row('run_d', '2025-01-31T12:00:00Z', { status: 'queued', http_status: null, error_code: 'upstream_timeout', attempts: 1, max_attempts: 5 }))).toBe(false);
      expect(await store.fetch('ws_a', 'run_d')).toMatchObject({ status: 'running', attempts: 2, error_code: null });

      expect(await store.upsert(row('run_d', '2025-01-31T12:00:00Z', { status: 'succeeded', http_status: 201, attempts: 2, max_attempts: 5 }))).toBe(true);
      expect(await store.fetch('ws_a', 'run_d')).toMatchObject({ status: 'succeeded', attempts: 2 });
    });

    it('counts attempts in the row, and finds them used up once the last one started', async () => {
      await store.insert([queued()]);
      for (let attempt = 1; attempt <= 5; attempt += 1) expect(await store.startAttempt('ws_a', 'run_d')).toEqual({ state: 'started', attempt });
      expect(await store.startAttempt('ws_a', 'run_d')).toEqual({ state: 'exhausted', attempts: 5 });
      expect(await store.startAttempt('ws_other', 'run_d')).toEqual({ state: 'ended' });
    });

    it('dead-letters a run left running, keeping its attempt count', async () => {
      await store.insert([{ ...queued(), status: 'running', attempts: 5 }]);

      // Only within its own workspace: a message naming the run elsewhere cannot end it.
      expect(await store.deadLetterUnfinished('ws_other', 'run_d', { code: 'service_unavailable', message: 'forged' })).toBe(false);
      expect(await store.deadLetterUnfinished('ws_a', 'run_d', { code: 'service_unavailable', message: 'Attempt 5 of 5 did not finish' })).toBe(true);

      expect(await store.fetch('ws_a', 'run_d')).toMatchObject({
        status: 'dead_lettered',
        error_code: 'service_unavailable',
        error_message: 'Attempt 5 of 5 did not finish',
        attempts: 5,
      });
    });

    it('inserts a state for a run it has no row of, and refuses to mark it running', async () => {
      expect(await store.startAttempt('ws_a', 'run_missing')).toEqual({ state: 'ended' });

      expect(await store.upsert(row('run_missing', '2025-01-31T12:00:00Z', { status: 'queued', attempts: 1, max_attempts: 5 }))).toBe(true);

      expect(await store.fetch('ws_a', 'run_missing')).toMatchObject({ status: 'queued', attempts: 1 });
    });

    it('keeps a queued run’s message until it is marked published, and lists only those recorded before the cut-off', async () => {
      const message = (runId: string) => ({ workspace_id: 'ws_a', run_id: runId, run: { product: 'shop', app: 'stripe-payments', env: 'prd', event: 'create-charge' }, dispatched_at: 1 });
      await store.insert([
        { ...queued(), id: 'run_old', created_at: '2025-01-31T12:00:00Z', dispatch_message: message('run_old') },
        { ...queued(), id: 'run_new', created_at: '2025-01-31T12:05:00Z', dispatch_message: message('run_new') },
        { ...queued(), id: 'run_sent', created_at: '2025-01-31T11:00:00Z' },
        { ...queued(), id: 'run_going', status: 'running', created_at: '2025-01-31T11:00:00Z', dispatch_message: message('run_going') },
      ]);

      expect(await store.unpublished(new Date('2025-01-31T12:01:00Z'), 10)).toEqual([message('run_old')]);
      expect((await store.unpublished(new Date('2025-01-31T13:00:00Z'), 10)).map((found) => found.run_id)).toEqual(['run_old', 'run_new']);
      await store.markPublished('run_old');
      expect((await store.unpublished(new Date('2025-01-31T13:00:00Z'), 10)).map((found) => found.run_id)).toEqual(['run_new']);
      // An attempt's state forgets it too: a run that was delivered is in the stream.
      await store.upsert(row('run_new', '2025-01-31T12:05:00Z', { status: 'queued', http_status: null, error_code: 'upstream_timeout', attempts: 1, max_attempts: 5 }));
      expect(await store.unpublished(new Date('2025-01-31T13:00:00Z'), 10)).toEqual([]);
    });

    it('deletes a queued run no executor has taken, and never one that has started', async () => {
      await store.insert([queued(), row('run_e', '2025-01-31T12:00:00Z', { status: 'queued', attempts: 0 })]);
      await store.startAttempt('ws_a', 'run_e');

      await store.deleteQueued('run_d');
      await store.deleteQueued('run_e');

      expect(await store.fetch('ws_a', 'run_d')).toBeUndefined();
      expect(await store.fetch('ws_a', 'run_e')).toMatchObject({ status: 'running' });
    });

    it('queues one run per dispatch key in a workspace and answers a repeat with that run', async () => {
      const keyed = (id: string, fingerprint = 'fp-1'): RunRecordEntity => ({ ...queued(), id, dispatch_key: 'order-42', dispatch_fingerprint: fingerprint });
      expect(await store.insertQueued(keyed('run_d'))).toEqual({ inserted: true });

      expect(await store.insertQueued(keyed('run_repeat'))).toEqual({
        inserted: false,
        existing: { id: 'run_d', status: 'queued', product: 'shop', access_tag: 'stripe-payments', env: 'prd', event: 'create-charge', unpublished: false, same_request: true },
      });
      const otherInput = await store.insertQueued(keyed('run_other_input', 'fp-2'));
      expect(otherInput).toMatchObject({ inserted: false, existing: { id: 'run_d', same_request: false } });
      // An attempt rewrites the request columns (here: its target could not be loaded); the fingerprint stays.
      await store.startAttempt('ws_a', 'run_d');
      await store.upsert(row('run_d', '2025-01-31T12:00:00Z', { status: 'queued', url: null, method: null, request_headers: {}, error_code: 'service_unavailable', attempts: 1 }));
      expect(await store.insertQueued(keyed('run_after_attempt'))).toMatchObject({ inserted: false, existing: { id: 'run_d', same_request: true } });
      expect(await store.fetch('ws_a', 'run_repeat')).toBeUndefined();
      // Another workspace, or no key at all, is another run.
      expect(await store.insertQueued({ ...keyed('run_other_ws'), workspace_id: 'ws_b' })).toEqual({ inserted: true });
      expect(await store.insertQueued({ ...queued(), id: 'run_no_key_1' })).toEqual({ inserted: true });
      expect(await store.insertQueued({ ...queued(), id: 'run_no_key_2' })).toEqual({ inserted: true });
    });

    it('frees a dispatch key whose run was withdrawn, and keeps it through state changes', async () => {
      await store.insertQueued({ ...queued(), dispatch_key: 'order-7' });
      await store.deleteQueued('run_d');
      expect(await store.insertQueued({ ...queued(), id: 'run_again', dispatch_key: 'order-7' })).toEqual({ inserted: true });

      await store.startAttempt('ws_a', 'run_again');
      await store.upsert(row('run_again', '2025-01-31T12:00:00Z', { status: 'succeeded', attempts: 1, max_attempts: 5 }));
      const repeat = await store.insertQueued({ ...queued(), id: 'run_third', dispatch_key: 'order-7' });
      expect(repeat).toMatchObject({ inserted: false, existing: { id: 'run_again', status: 'succeeded' } });
    });

    it('refuses a status the table does not know', async () => {
      await expect(store.insert([row('run_bad', '2025-01-31T12:00:00Z', { status: 'pending' as RunRecordEntity['status'] })])).rejects.toThrow(/action_runs_status_check/);
    });
  });

  it('answers another workspace’s run as not there', async () => {
    await store.insert([row('run_1', '2025-01-31T12:00:00Z')]);

    expect(await store.fetch('ws_b', 'run_1')).toBeUndefined();
    expect(await store.list({ workspaceId: 'ws_b' })).toEqual([]);
  });

  it('lists newest first with filters', async () => {
    await store.insert([
      row('run_1', '2025-01-31T12:00:01Z'),
      row('run_2', '2025-01-31T12:00:02Z', { product: 'blog' }),
      row('run_3', '2025-01-31T12:00:03Z', { access_tag: 'stripe-eu' }),
      row('run_4', '2025-01-31T12:00:04Z', { status: 'failed', http_status: null, error_code: 'upstream_timeout' }),
    ]);
    const ids = async (filter: Parameters<RunRecordStore['list']>[0]): Promise<string[]> => (await store.list(filter)).map((record) => record.run_id);

    expect(await ids({ workspaceId: 'ws_a' })).toEqual(['run_4', 'run_3', 'run_2', 'run_1']);
    expect(await ids({ workspaceId: 'ws_a', product: 'blog' })).toEqual(['run_2']);
    expect(await ids({ workspaceId: 'ws_a', accessTag: 'stripe-eu' })).toEqual(['run_3']);
    expect(await ids({ workspaceId: 'ws_a', status: 'failed' })).toEqual(['run_4']);
    expect(await ids({ workspaceId: 'ws_a', status: 'succeeded', limit: 2 })).toEqual(['run_3', 'run_2']);
  });

  it('pages with the created_at of the last record, runs of the same millisecond included', async () => {
    const times = ['2025-01-31T12:00:00.001100Z', '2025-01-31T12:00:00.001200Z', '2025-01-31T12:00:00.001300Z', '2025-01-31T12:00:00.002000Z', '2025-01-31T12:00:00.002500Z'];
    await store.insert(times.map((time, index) => row(`run_${index}`, time)));

    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await store.list({ workspaceId: 'ws_a', limit: 2, ...(before === undefined ? {} : { before }) });
      if (page.length === 0) break;
      seen.push(...page.map((record) => record.run_id));
      before = page.at(-1)?.created_at;
    }

    expect(seen).toEqual(['run_4', 'run_3', 'run_2', 'run_1', 'run_0']);
  });

  it('deletes records older than the retention in batches, and keeps the rest', async () => {
    const now = new Date('2025-03-01T00:00:00Z');
    const daysAgo = (days: number): string => new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString();
    await store.insert([
      ...Array.from({ length: 1500 }, (_, index) => row(`run_old_${index}`, daysAgo(31), { workspace_id: `ws_${index % 3}` })),
      row('run_recent', daysAgo(29)),
    ]);
    const config = Object.assign(new RunRecordsConfig(), { RUN_RETENTION_DAYS: 30 });
    // Only info and warn are called; a full PinoLogger needs a pino instance this test has no use for.
    const retention = new RunRetention(store, config, { info: () => undefined, warn: () => undefined } as unknown as PinoLogger);

    expect(await retention.sweep(now)).toBe(1500);

    const [{ count }] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM action_executor.action_runs');
    expect(count).toBe(1);
    expect(await store.fetch('ws_a', 'run_recent')).toBeDefined();
  });
});
