import { startPlatform, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest } from './switchboard-for.js';

const REQUEST_TIMEOUT_MS = 1500;

describe('A service that is down or stuck gives the caller 503 or 504, never a hang', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;

  beforeAll(async () => {
    platform = await startPlatform({ env: { NATS_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) } });
    credentials = await platform.createWorkspace('outage');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers 504 service_timeout when the catalog stops answering', async () => {
    const pid = platform.services.catalog.pid;
    process.kill(pid, 'SIGSTOP');
    try {
      const reply = await gatewayRequest(platform, credentials, 'GET', '/v1/products');
      expect(reply.status).toBe(504);
      expect(reply.body).toMatchObject({ code: 'service_timeout', message: `The catalog service did not answer within ${REQUEST_TIMEOUT_MS} ms` });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect((await gatewayRequest(platform, credentials, 'GET', '/v1/products')).status).toBe(200);
  });

  it('answers 503 service_unavailable at once when the catalog is stopped, and reports not ready', async () => {
    await platform.stopService('catalog');
    const reply = await gatewayRequest(platform, credentials, 'GET', '/v1/products');
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ code: 'service_unavailable', message: 'The catalog service is unavailable' });

    const ready = await fetch(`${platform.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', checks: { catalog: { status: 'down' } } });
  });

  it('serves again once the catalog is back', async () => {
    await platform.restartService('catalog');
    expect((await gatewayRequest(platform, credentials, 'GET', '/v1/products')).status).toBe(200);
  });

  it('answers 503 when the connection service is stopped, while catalog routes keep working', async () => {
    await gatewayRequest(platform, credentials, 'PUT', '/v1/products/shop', {});
    await platform.stopService('connection');
    const reply = await gatewayRequest(platform, credentials, 'GET', '/v1/products/shop/connections');
    expect(reply.status).toBe(503);
    expect(reply.body).toMatchObject({ code: 'service_unavailable', message: 'The connection service is unavailable' });
    expect((await gatewayRequest(platform, credentials, 'GET', '/v1/products/shop')).status).toBe(200);
  });
});
