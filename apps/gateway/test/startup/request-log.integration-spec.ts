import { createTestDatabase, startService, type TestDatabase } from '@switchboard/testing';

describe('the gateway request log', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('leaves out health probes and metrics scrapes, which npm start and orchestrators poll, and logs every other request', async () => {
    const gateway = await startService('gateway', { env: { DATABASE_URL: database.url, GATEWAY_HOST: '127.0.0.1' } });
    try {
      const base = `http://127.0.0.1:${gateway.env.GATEWAY_PORT ?? ''}`;
      for (const path of ['/health', '/ready', '/health/live', '/health/ready', '/metrics', '/health', '/v1/products']) await (await fetch(`${base}${path}`)).arrayBuffer();
      await gateway.waitForLog(/"url":"\/v1\/products"/);

      const logged = gateway.logs.filter((line) => line.includes('"req":')).map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
      expect(logged).toEqual(['/v1/products']);
    } finally {
      await gateway.stop();
    }
  });
});
