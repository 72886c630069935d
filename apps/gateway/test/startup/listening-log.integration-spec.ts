import { createTestDatabase, startService, type TestDatabase } from '@switchboard/testing';

describe('the gateway at start-up', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each([
    ['0.0.0.0', (port: string) => `gateway is listening on 0.0.0.0:${port} (every interface); open http://localhost:${port}`],
    ['127.0.0.1', (port: string) => `gateway is listening on http://127.0.0.1:${port}`],
  ])('logs the address it is bound to when GATEWAY_HOST is %s', async (host, line) => {
    const gateway = await startService('gateway', { env: { DATABASE_URL: database.url, GATEWAY_HOST: host } });
    try {
      const logged = JSON.parse(await gateway.waitForLog('gateway is listening')) as { msg: string };
      expect(logged.msg).toBe(line(gateway.env.GATEWAY_PORT ?? ''));
    } finally {
      await gateway.stop();
    }
  });
});
