import { rejectionOf } from '../test/rejection-of.js';
import { FakeGateway, refusedUrl } from '../test/fake-gateway.js';
import { HttpClient, type HttpClientConfig } from './http-client.js';
import { SdkErrorCode } from './switchboard-error.js';

function clientFor(baseUrl: string, overrides: Partial<HttpClientConfig> = {}): HttpClient {
  return new HttpClient({ baseUrl, auth: { kind: 'key', workspaceId: 'ws-123', userId: 'user-456', privateKey: 'sk_test_private' }, timeoutMs: 5_000, ...overrides });
}

describe('HttpClient', () => {
  let gateway: FakeGateway;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('sends the body as JSON and resolves with the parsed reply', async () => {
    gateway.on('POST', '/v1/things', { status: 201, json: { id: 1 } });

    await expect(clientFor(gateway.url).request('POST', '/v1/things', { name: 'x' })).resolves.toEqual({ id: 1 });

    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: '/v1/things', body: { name: 'x' } });
  });

  it('resolves with undefined when a success reply has no body', async () => {
    gateway.on('DELETE', '/v1/things/1', { status: 204, raw: '' });

    await expect(clientFor(gateway.url).request('DELETE', '/v1/things/1')).resolves.toBeUndefined();
  });

  it('throws the server code, message, status and details of a JSON error body', async () => {
    gateway.on('GET', '/v1/apps/nope', {
      status: 404,
      json: { code: 'app_not_found', message: 'App "nope" does not exist', details: { tag: 'nope' } },
    });

    const error = await rejectionOf(clientFor(gateway.url).request('GET', '/v1/apps/nope'));

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'SwitchboardError',
      code: 'app_not_found',
      message: 'App "nope" does not exist',
      status: 404,
      details: { tag: 'nope' },
    });
    expect(String(error)).toBe('SwitchboardError: App "nope" does not exist');
  });

  it('throws http_error with the status when an error body is not JSON', async () => {
    gateway.on('GET', '/v1/apps', { status: 502, raw: '<html>Bad Gateway</html>' });

    const error = await rejectionOf(clientFor(gateway.url).request('GET', '/v1/apps'));

    expect(error).toMatchObject({ code: SdkErrorCode.HttpError, status: 502, details: { body: '<html>Bad Gateway</html>' } });
    expect(error.message).toBe('GET /v1/apps failed with HTTP 502 Bad Gateway');
  });

  it('throws http_error when a JSON error body lacks a code', async () => {
    gateway.on('GET', '/v1/apps', { status: 500, json: { error: 'boom' } });

    await expect(clientFor(gateway.url).request('GET', '/v1/apps')).rejects.toMatchObject({ code: 'http_error', status: 500 });
  });

  it('does not follow redirects, so credentials never leave for another origin', async () => {
    const elsewhere = await FakeGateway.start();
    try {
      gateway.on('GET', '/v1/apps', { status: 307, raw: '', headers: { location: `${elsewhere.url}/v1/apps` } });

      const error = await rejectionOf(clientFor(gateway.url).request('GET', '/v1/apps'));

      expect(error).toMatchObject({ code: 'http_error', status: 307, details: { location: `${elsewhere.url}/v1/apps` } });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it('throws invalid_response when a success body is not JSON', async () => {
    gateway.on('GET', '/v1/apps', { status: 200, raw: 'OK' });

    await expect(clientFor(gateway.url).request('GET', '/v1/apps')).rejects.toMatchObject({
      code: SdkErrorCode.InvalidResponse,
      status: 200,
    });
  });

  it('throws network_error with status 0 and the cause when the connection is refused', async () => {
    const url = await refusedUrl();

    const error = await rejectionOf(clientFor(url).request('GET', '/v1/apps'));

    expect(error).toMatchObject({ code: SdkErrorCode.NetworkError, status: 0 });
    expect(error.message).toContain(url);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBeDefined();
  });

  it('throws timeout when the gateway does not answer within timeout_ms', async () => {
    gateway.on('GET', '/v1/apps', { hang: true });

    const error = await rejectionOf(clientFor(gateway.url, { timeoutMs: 50 }).request('GET', '/v1/apps'));

    expect(error).toMatchObject({ code: SdkErrorCode.Timeout, status: 0, details: { timeout_ms: 50 } });
    expect(error.message).toContain('50 ms');
    expect(gateway.requests).toHaveLength(1);
  });
});
