import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, Subjects, type RunRecordView } from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, waitUntil, harnessNatsAccess } from '@switchboard/testing';
import pg from 'pg';

// The executor alone: with no connection service to ask, every run fails at once with service_unavailable, which is
// all these tests need: a run that ends, and a record of it.
describe('The action-executor’s run records over real NATS and PostgreSQL', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let executor: ServiceHandle | undefined;
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_records_${Date.now()}`;
  const run = { env: 'prd', product: 'shop', app: 'stripe-payments', event: 'create-charge', input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' } } };

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    executor = await startService('action-executor', { nats: natsServer, env: { DATABASE_URL: database.url } });
    connection = await connectNats(harnessNatsAccess(natsServer), 'run-records-integration-spec');
    nats = new NatsRequester(connection, 5000);
  });

  afterAll(async () => {
    await connection?.close();
    await executor?.stop();
    await database?.drop();
    await natsServer?.stop();
  });

  async function countRecords(): Promise<number> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM action_executor.action_runs WHERE workspace_id = $1', [workspace_id]);
      return result.rows[0]?.count ?? 0;
    } finally {
      await client.end();
    }
  }

  it('records a failed run, lists it and fetches it by id', async () => {
    const error = await rejectionOf(nats.request(Subjects.ActionsActionRun, { workspace_id, run, sent_at: Date.now() }), DomainError);
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);

    // Written after the reply: polled until it is there.
    let records: RunRecordView[] = [];
    await waitUntil(
      async () => {
        records = await nats.request<RunRecordView[]>(Subjects.ActionsRunList, { workspace_id, query: {} });
        return records.length > 0;
      },
      { what: 'the run record', timeoutMs: 10_000, intervalMs: 50 },
    );

    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      status: 'failed',
      error_code: 'service_unavailable',
      app: null,
      request: { method: null, url: null, headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' } },
      timings: { resolve_ms: null, upstream_ms: null },
    });
    expect(typeof record?.timings.queue_ms).toBe('number');
    const fetched = await nats.request<RunRecordView>(Subjects.ActionsRunFetch, { workspace_id, run_id: record?.run_id });
    expect(fetched).toEqual(record);
  });

  it('refuses a list request with an unknown status', async () => {
    const error = await rejectionOf(nats.request(Subjects.ActionsRunList, { workspace_id, query: { status: 'pending' } }), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, 'query.status must be one of queued, running, succeeded, failed, dead_lettered']);
  });

  it('writes the records still queued when it is stopped', async () => {
    const before = await countRecords();
    const runs = Array.from({ length: 5 }, () => rejectionOf(nats.request(Subjects.ActionsActionRun, { workspace_id, run }), DomainError));
    await Promise.all(runs);

    await executor?.stop();
    executor = undefined;

    expect(await countRecords()).toBe(before + 5);
  });
});
