import { jest } from '@jest/globals';
import { inspect } from 'node:util';
import { rejectionOf } from '../test/rejection-of.js';
import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor, productReply } from '../test/fixtures.js';
import { SdkErrorCode, Switchboard } from './index.js';

const SESSION = { workspace_id: 'ws-123', user_id: 'user-456', expires_at: '2030-01-01T12:00:00.000Z' };
const CSRF_TOKEN = 'csrf-of-this-session';
const UNAUTHENTICATED = { code: 'unauthenticated', message: 'The session has ended or expired: sign in again (POST /v1/sessions)', details: {} };
const CREDENTIAL_HEADERS = ['x-switchboard-workspace-id', 'x-switchboard-user-id', 'authorization'];

describe('Switchboard sessions', () => {
  let gateway: FakeGateway;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    gateway.on('POST', '/v1/sessions', { status: 201, json: { ...SESSION, csrf_token: CSRF_TOKEN } });
    gateway.on('GET', '/v1/sessions/current', { status: 200, json: { ...SESSION, csrf_token: CSRF_TOKEN } });
    gateway.on('DELETE', '/v1/sessions/current', { status: 204, raw: '' });
    gateway.on('GET', '/v1/products', { status: 200, json: [productReply('shop')] });
    gateway.on('PUT', '/v1/products/shop', { status: 201, json: productReply('shop') });
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('signs in by sending the credentials once, in the body, and keeps only the session', async () => {
    const switchboard = await Switchboard.signIn(optionsFor(gateway.url));

    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: '/v1/sessions', body: { workspace_id: 'ws-123', user_id: 'user-456', private_key: 'sk_test_private' } });
    for (const header of CREDENTIAL_HEADERS) expect(gateway.lastRequest.headers[header]).toBeUndefined();
    expect(switchboard.session).toEqual(SESSION);
    expect(inspect(switchboard, { depth: 10, showHidden: true })).not.toContain('sk_test_private');
  });

  it('then calls with the cookie alone, adding the CSRF token to calls that change state, and never the private key', async () => {
    const switchboard = await Switchboard.signIn(optionsFor(gateway.url));

    await switchboard.product.fetchAll();
    await switchboard.product.init('shop');

    const [read, change] = gateway.requests.slice(1);
    for (const request of [read, change]) {
      for (const header of CREDENTIAL_HEADERS) expect(request?.headers[header]).toBeUndefined();
      expect(JSON.stringify(request)).not.toContain('sk_test_private');
    }
    expect(read?.headers['x-switchboard-csrf']).toBeUndefined();
    expect(change?.headers['x-switchboard-csrf']).toBe(CSRF_TOKEN);
  });

  it('asks fetch to send the cookie on a session client’s calls, and no cookie on a key client’s', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    try {
      const session = await Switchboard.signIn(optionsFor(gateway.url));
      await session.product.fetchAll();
      await new Switchboard(optionsFor(gateway.url)).product.fetchAll();

      expect(fetchSpy.mock.calls.map(([, init]) => init?.credentials)).toEqual(['include', 'include', 'omit']);
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('rejects a sign-in with wrong credentials with the gateway’s 401', async () => {
    const message = 'Invalid credentials: the workspace, user and private key do not match';
    gateway.on('POST', '/v1/sessions', { status: 401, json: { code: 'unauthenticated', message, details: {} } });

    const error = await rejectionOf(Switchboard.signIn(optionsFor(gateway.url)));

    expect(error).toMatchObject({ code: 'unauthenticated', status: 401, message });
  });

  it('checks the sign-in options before sending anything', async () => {
    const error = await rejectionOf(Switchboard.signIn({ ...optionsFor(gateway.url), private_key: ' ' }));

    expect(error).toMatchObject({ code: SdkErrorCode.InvalidOptions, details: { field: 'private_key' } });
    expect(gateway.requests).toHaveLength(0);
  });

  it('resumes the session the cookie carries, CSRF token included', async () => {
    const switchboard = await Switchboard.resume({ url: gateway.url });

    await switchboard?.product.init('shop');

    expect(switchboard?.session).toEqual(SESSION);
    expect(gateway.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /v1/sessions/current', 'PUT /v1/products/shop']);
    expect(gateway.lastRequest.headers['x-switchboard-csrf']).toBe(CSRF_TOKEN);
  });

  it('resumes nothing when there is no live session', async () => {
    gateway.on('GET', '/v1/sessions/current', { status: 401, json: UNAUTHENTICATED });

    await expect(Switchboard.resume({ url: gateway.url })).resolves.toBeUndefined();
  });

  it('lets other failures of a resume through', async () => {
    gateway.on('GET', '/v1/sessions/current', { status: 503, json: { code: 'service_unavailable', message: 'down', details: {} } });

    await expect(Switchboard.resume({ url: gateway.url })).rejects.toMatchObject({ code: 'service_unavailable', status: 503 });
  });

  it('checks the resume options', async () => {
    await expect(Switchboard.resume({ url: 'ftp://gateway.example.com' })).rejects.toMatchObject({ code: 'invalid_options', details: { field: 'url' } });
  });

  it('signs out on the server with the CSRF token, and forgets the session', async () => {
    const switchboard = await Switchboard.signIn(optionsFor(gateway.url));

    await switchboard.signOut();

    expect(gateway.lastRequest).toMatchObject({ method: 'DELETE', path: '/v1/sessions/current' });
    expect(gateway.lastRequest.headers['x-switchboard-csrf']).toBe(CSRF_TOKEN);
    expect(switchboard.session).toBeUndefined();
  });

  it('signs out without complaint when the session had already ended or expired', async () => {
    const switchboard = await Switchboard.signIn(optionsFor(gateway.url));
    gateway.on('DELETE', '/v1/sessions/current', { status: 401, json: UNAUTHENTICATED });

    await expect(switchboard.signOut()).resolves.toBeUndefined();
    expect(switchboard.session).toBeUndefined();
  });

  it('has no session to sign out of when built with a private key', async () => {
    const switchboard = new Switchboard(optionsFor(gateway.url));

    expect(switchboard.session).toBeUndefined();
    await expect(switchboard.signOut()).rejects.toMatchObject({ code: SdkErrorCode.NoSession, status: 0 });
    expect(gateway.requests).toHaveLength(0);
  });
});
