import { createTestDatabase, rejectionOf, type RunningNats, startOwnNats, startService, type TestDatabase } from '@switchboard/testing';
import pg from 'pg';

describe('action-executor start-up with wrong settings', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
  });

  afterAll(async () => {
    await database?.drop();
    await natsServer?.stop();
  });

  it('lists every wrong setting of every config class at once and exits 1 before migrating or connecting anything', async () => {
    const failure = await rejectionOf(
      startService('action-executor', {
        nats: natsServer,
        env: { DATABASE_URL: database.url, NATS_REQUEST_TIMEOUT_MS: '1', OUTBOUND_MAX_ATTEMPTS: '0', DISPATCH_MAX_ATTEMPTS: 'many' },
      }),
      Error,
    );

    // The process printed the list and nothing else: no stack trace, no log line of a service that got started.
    const output = failure.message.slice(failure.message.indexOf('---\n') + 4);
    expect([failure.message.split('\n')[0], output.split('\n')]).toEqual([
      'action-executor did not become healthy: the process exited with code 1',
      [
        'Invalid environment variables:',
        '  NATS_REQUEST_TIMEOUT_MS: NATS_REQUEST_TIMEOUT_MS must not be less than 100',
        '  OUTBOUND_MAX_ATTEMPTS: OUTBOUND_MAX_ATTEMPTS must not be less than 1',
        '  DISPATCH_MAX_ATTEMPTS: DISPATCH_MAX_ATTEMPTS must not be greater than 100; DISPATCH_MAX_ATTEMPTS must not be less than 1; DISPATCH_MAX_ATTEMPTS must be an integer number',
      ],
    ]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ schema: string | null }>(`SELECT to_regnamespace('action_executor')::text AS schema`);
      expect(rows).toEqual([{ schema: null }]);
    } finally {
      await client.end();
    }
  });

  it("refuses at connect a body limit larger than a reply fits in the NATS server's max_payload", async () => {
    const failure = await rejectionOf(
      startService('action-executor', { nats: natsServer, env: { DATABASE_URL: database.url, OUTBOUND_MAX_RESPONSE_BYTES: '10485760' } }),
      Error,
    );

    const output = failure.message.slice(failure.message.indexOf('---\n') + 4);
    expect([failure.message.split('\n')[0], output.split('\n').filter((line) => !line.startsWith('{'))]).toEqual([
      'action-executor did not become healthy: the process exited with code 1',
      [
        'Invalid environment variables:',
        "  OUTBOUND_MAX_RESPONSE_BYTES: OUTBOUND_MAX_RESPONSE_BYTES must not be greater than 737280, the largest body a reply carries within the NATS server's max_payload of 1048576 bytes",
      ],
    ]);
  });
});
