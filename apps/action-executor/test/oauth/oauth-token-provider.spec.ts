import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { rejectionOf } from '@switchboard/testing';
import { AccessTokenCache } from '../../src/cache/access-token.cache.js';
import { OutboundClient, type OutboundClientOptions } from '../../src/outbound/outbound-request.js';
import { OAuthTokenProvider } from '../../src/runs/oauth/oauth-token-provider.js';
import { LeaseBusyError, type RefreshLease } from '../../src/runs/oauth/refresh-lease.js';
import { closedPort } from '../outbound/local-upstream.js';
import { answer, clientCredentialsGrant, startFakeTokenEndpoint, type FakeTokenEndpoint } from './fake-token-endpoint.js';

const outboundOptions: OutboundClientOptions = {
  allow: ['127.0.0.1'],
  maxResponseBytes: 1024 * 1024,
  defaultTimeouts: { connectMs: 2000, headersMs: 10_000, bodyMs: 10_000 },
  maxAttempts: 3,
  maxConnectionsPerOrigin: 4,
  backoff: { baseMs: 1, capMs: 5, retryAfterCapMs: 1000 },
};

const failure = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

describe('OAuthTokenProvider', () => {
  let endpoint: FakeTokenEndpoint;
  let outbound: OutboundClient;
  let cache: AccessTokenCache;
  let clock: number;
  let provider: OAuthTokenProvider;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    outbound = new OutboundClient(outboundOptions);
    cache = new AccessTokenCache(100);
    clock = 1_700_000_000_000;
    provider = new OAuthTokenProvider(outbound, cache, { timeoutMs: 300, now: () => clock });
  });

  afterEach(async () => {
    await outbound.close();
    await endpoint.upstream.close();
  });

  it('posts a form-encoded client credentials request with the scheme’s scopes and audience', async () => {
    const grant = clientCredentialsGrant(endpoint.url, { scopes: ['read', 'write:all'], audience: 'https://api.example.com' });
    await provider.accessToken('ws1', grant);
    const seen = endpoint.upstream.seen[0];
    expect([seen?.method, seen?.path, seen?.headers['content-type']]).toEqual(['POST', '/oauth/token', 'application/x-www-form-urlencoded']);
    expect(seen?.headers.authorization).toBeUndefined();
    expect(endpoint.form(0)).toEqual({
      grant_type: 'client_credentials',
      scope: 'read write:all',
      audience: 'https://api.example.com',
      client_id: 'client-abc',
      client_secret: 'secret-do-not-leak-123',
    });
  });

  it('sends the client as HTTP basic auth, each part form-encoded, when the scheme says basic', async () => {
    await provider.accessToken('ws1', clientCredentialsGrant(endpoint.url, { clientAuth: 'basic', clientId: 'id with space', clientSecret: 's:e/c' }));
    expect(endpoint.upstream.seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('id+with+space:s%3Ae%2Fc').toString('base64')}`);
    expect(endpoint.form(0)).toEqual({ grant_type: 'client_credentials' });
  });

  it('reuses the token until shortly before it expires, then asks again', async () => {
    endpoint.reply = (request, response, index) => answer(200, { access_token: `token-${index + 1}`, token_type: 'bearer', expires_in: 120 })(request, response, index);
    const grant = clientCredentialsGrant(endpoint.url);
    expect(await provider.accessToken('ws1', grant)).toEqual({ value: 'token-1', fromCache: false });
    clock += 107_000; // a 120 s token is used for 108 s: a tenth of its lifetime is kept as margin
    expect(await provider.accessToken('ws1', grant)).toEqual({ value: 'token-1', fromCache: true });
    expect(endpoint.count).toBe(1);
    clock += 2_000;
    expect(await provider.accessToken('ws1', grant)).toEqual({ value: 'token-2', fromCache: false });
    expect(endpoint.count).toBe(2);
  });

  it('keeps a token without expires_in for a conservative minute at most', async () => {
    endpoint.reply = (request, response, index) => answer(200, { access_token: `token-${index + 1}` })(request, response, index);
    const grant = clientCredentialsGrant(endpoint.url);
    await provider.accessToken('ws1', grant);
    clock += 53_000;
    expect((await provider.accessToken('ws1', grant)).value).toBe('token-1');
    clock += 2_000;
    expect((await provider.accessToken('ws1', grant)).value).toBe('token-2');
  });

  it('sends one token request for 20 runs that need the token at once', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    endpoint.reply = (request, response, index) => void held.then(() => answer(200, { access_token: 'shared-token', expires_in: 3600 })(request, response, index));
    const grant = clientCredentialsGrant(endpoint.url);
    const tokens = Promise.all(Array.from({ length: 20 }, () => provider.accessToken('ws1', grant)));
    release();
    expect((await tokens).map((token) => token.value)).toEqual(Array.from({ length: 20 }, () => 'shared-token'));
    expect(endpoint.count).toBe(1);
  });

  it('reports a failed request to every waiting run, caches nothing, and asks again next time', async () => {
    endpoint.reply = answer(503, '<html>down</html>', { 'content-type': 'text/html' });
    const grant = clientCredentialsGrant(endpoint.url);
    const failures = await Promise.all([failure(provider.accessToken('ws1', grant)), failure(provider.accessToken('ws1', grant))]);
    expect(failures.map((error) => [error.code, error.message])).toEqual([
      [ErrorCode.UpstreamAuthFailed, "The token endpoint of auth 'oauth' failed with HTTP 503"],
      [ErrorCode.UpstreamAuthFailed, "The token endpoint of auth 'oauth' failed with HTTP 503"],
    ]);
    expect(endpoint.count).toBe(1);
    endpoint.reply = answer(200, { access_token: 'after-outage', expires_in: 3600 });
    expect(await provider.accessToken('ws1', grant)).toEqual({ value: 'after-outage', fromCache: false });
    expect(endpoint.count).toBe(2);
  });

  it('drops a refused token only while the cache still holds that very token', async () => {
    const grant = clientCredentialsGrant(endpoint.url);
    await provider.accessToken('ws1', grant);
    provider.forget('ws1', grant, 'some-other-token');
    expect(await provider.accessToken('ws1', grant)).toEqual({ value: 'token-1', fromCache: true });
    provider.forget('ws1', grant, 'token-1');
    expect(await provider.accessToken('ws1', grant)).toEqual({ value: 'token-2', fromCache: false });
  });

  it('keeps tokens apart by workspace and by credentials, so a rotated secret never gets the old token', async () => {
    const grant = clientCredentialsGrant(endpoint.url);
    await provider.accessToken('ws1', grant);
    expect((await provider.accessToken('ws2', grant)).value).toBe('token-2');
    expect((await provider.accessToken('ws1', { ...grant, clientSecret: 'rotated-secret' })).value).toBe('token-3');
    expect((await provider.accessToken('ws1', grant)).value).toBe('token-1');
  });

  it('asks again after a change event emptied the workspace, and does not store a token asked for before it', async () => {
    const grant = clientCredentialsGrant(endpoint.url);
    await provider.accessToken('ws1', grant);
    cache.invalidateWorkspace('ws1');
    const inFlight = provider.accessToken('ws1', grant);
    cache.invalidateWorkspace('ws1');
    expect((await inFlight).value).toBe('token-2');
    expect(await provider.accessToken('ws1', grant)).toEqual({ value: 'token-3', fromCache: false });
  });

  it('refreshes with the stored refresh token, then with the rotated one the endpoint returned', async () => {
    endpoint.reply = (request, response, index) =>
      answer(200, { access_token: `token-${index + 1}`, expires_in: 60, refresh_token: `rotated-${index + 1}` })(request, response, index);
    const grant = clientCredentialsGrant(endpoint.url, { type: 'oauth2_refresh_token', clientSecret: undefined, refreshToken: 'stored-refresh' });
    expect((await provider.accessToken('ws1', grant)).value).toBe('token-1');
    expect(endpoint.form(0)).toEqual({ grant_type: 'refresh_token', refresh_token: 'stored-refresh', client_id: 'client-abc' });
    clock += 60_000;
    expect((await provider.accessToken('ws1', grant)).value).toBe('token-2');
    expect(endpoint.form(1)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'rotated-1' });
    // A change event drops access tokens, not the rotated refresh token, which may be the only one still valid.
    cache.invalidateWorkspace('ws1');
    await provider.accessToken('ws1', grant);
    expect(endpoint.form(2)).toMatchObject({ refresh_token: 'rotated-2' });
    // A new refresh token put in the secret store (whose event empties the workspace) wins over the rotated one of the old.
    cache.invalidateWorkspace('ws1');
    await provider.accessToken('ws1', { ...grant, refreshToken: 'newly-stored' });
    expect(endpoint.form(3)).toMatchObject({ refresh_token: 'newly-stored' });
  });

  it('stores a rotated refresh token in the secret the connection names, and keeps using the access token issued with it', async () => {
    const saved: [string, string, string][] = [];
    provider = new OAuthTokenProvider(outbound, cache, {
      timeoutMs: 300,
      now: () => clock,
      refreshTokens: { save: (workspaceId, key, value) => (saved.push([workspaceId, key, value]), Promise.resolve()), current: () => Promise.reject(new Error('no lease, no re-read')) },
    });
    endpoint.reply = (request, response, index) =>
      answer(200, { access_token: `token-${index + 1}`, expires_in: 600, refresh_token: `rotated-${index + 1}` })(request, response, index);
    const grant = clientCredentialsGrant(endpoint.url, { type: 'oauth2_refresh_token', clientSecret: undefined, refreshToken: 'stored-refresh', refreshTokenSecret: { key: 'CRM_REFRESH', site: { appTag: 'crm', accessTag: 'crm', env: 'prd' } } });

    expect((await provider.accessToken('ws1', grant)).value).toBe('token-1');
    expect(saved).toEqual([['ws1', 'CRM_REFRESH', 'rotated-1']]);
    // The next runs read the stored secret's new value: the access token issued with it is still the one to send.
    expect(await provider.accessToken('ws1', { ...grant, refreshToken: 'rotated-1' })).toEqual({ value: 'token-1', fromCache: true });
    expect(endpoint.count).toBe(1);

    // Written as anything but one reference, the refresh token has nowhere to go but memory.
    await provider.accessToken('ws2', { ...grant, refreshTokenSecret: undefined });
    expect(saved).toHaveLength(1);
  });

  it('refreshes a stored refresh token in its turn, read again then, and stores the rotated one before the turn ends', async () => {
    const steps: string[] = [];
    const lease = {
      hold: async (name: string, waitMs: number, work: () => Promise<unknown>) => {
        steps.push(`turn ${name} ${waitMs}`);
        const result = await work();
        steps.push('turn ends');
        return result;
      },
    };
    provider = new OAuthTokenProvider(outbound, cache, {
      timeoutMs: 300,
      now: () => clock,
      lease: lease as unknown as RefreshLease,
      refreshTokens: {
        save: (_workspaceId, key, value) => (steps.push(`save ${key} ${value}`), Promise.resolve()),
        current: (_workspaceId, key) => (steps.push(`read ${key}`), Promise.resolve('rotated-by-another-replica')),
      },
    });
    endpoint.reply = (request, response, index) =>
      answer(200, { access_token: `token-${index + 1}`, expires_in: 600, refresh_token: `rotated-${index + 1}` })(request, response, index);
    const site = { appTag: 'crm', accessTag: 'crm', env: 'prd' };
    const grant = clientCredentialsGrant(endpoint.url, { type: 'oauth2_refresh_token', clientSecret: undefined, refreshToken: 'stored-refresh', refreshTokenSecret: { key: 'CRM_REFRESH', site } });
    await provider.accessToken('ws1', grant);
    expect(steps).toEqual(['turn oauth2-refresh|ws1|CRM_REFRESH 600', 'read CRM_REFRESH', 'save CRM_REFRESH rotated-1', 'turn ends']);
    expect(endpoint.form(0).refresh_token).toBe('rotated-by-another-replica');
  });

  it('fails the run clearly when another replica keeps its turn too long', async () => {
    provider = new OAuthTokenProvider(outbound, cache, {
      timeoutMs: 300,
      lease: { hold: () => Promise.reject(new LeaseBusyError('held')) } as unknown as RefreshLease,
      refreshTokens: { save: () => Promise.resolve(), current: () => Promise.resolve('stored-refresh') },
    });
    const site = { appTag: 'crm', accessTag: 'crm', env: 'prd' };
    const grant = clientCredentialsGrant(endpoint.url, { type: 'oauth2_refresh_token', clientSecret: undefined, refreshToken: 'stored-refresh', refreshTokenSecret: { key: 'CRM_REFRESH', site } });
    const error = await rejectionOf(provider.accessToken('ws1', grant), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.UpstreamAuthFailed, "The token endpoint of auth 'oauth' was still being asked by another executor after 600 ms"]);
    expect(endpoint.count).toBe(0);
  });

  describe('fails with upstream_auth_failed naming the scheme, never a credential', () => {
    const grant = (): ReturnType<typeof clientCredentialsGrant> => clientCredentialsGrant(endpoint.url);

    it.each([
      ['an OAuth2 error body', answer(401, { error: 'invalid_client', error_description: 'secret secret-do-not-leak-123 is wrong' }), "refused the request: invalid_client (HTTP 401)"],
      ['an error code that echoes the secret', answer(400, { error: 'bad_secret-do-not-leak-123' }), 'refused the request with HTTP 400'],
      ['an error body with status 200', answer(200, { error: 'invalid_scope' }), 'refused the request: invalid_scope (HTTP 200)'],
      ['a server error', answer(500, { error: 'server_error' }), 'failed: server_error (HTTP 500)'],
      ['malformed JSON', answer(200, '{"access_token": "half'), 'answered with a body that is not JSON'],
      ['JSON that is no object', answer(200, '["token"]'), 'answered with JSON that is not an object'],
      ['no access_token', answer(200, { token_type: 'bearer', expires_in: 60 }), 'answered without an access_token'],
      ['a token with a line break', answer(200, { access_token: 'abc\r\nX-Injected: 1' }), 'answered with an access_token that cannot be sent in a header'],
      ['a token that is not bearer', answer(200, { access_token: 'abc', token_type: 'mac' }), "issued a token of type 'mac' other than bearer, which this scheme cannot send"],
    ])('for %s', async (_case, reply, expected) => {
      endpoint.reply = reply;
      const error = await failure(provider.accessToken('ws1', grant()));
      expect([error.code, error.message]).toEqual([ErrorCode.UpstreamAuthFailed, `The token endpoint of auth 'oauth' ${expected}`]);
      expect(JSON.stringify(error.details)).not.toContain('secret-do-not-leak-123');
      expect(error.details).toMatchObject({ auth_tag: 'oauth', token_endpoint: new URL(endpoint.url).origin });
    });

    it('for an endpoint that does not answer in time', async () => {
      endpoint.reply = () => undefined;
      const error = await failure(provider.accessToken('ws1', grant()));
      expect([error.code, error.message]).toEqual([ErrorCode.UpstreamAuthFailed, `The token endpoint of auth 'oauth' at ${new URL(endpoint.url).origin} did not answer within 300 ms`]);
    });

    it('for an endpoint that cannot be reached', async () => {
      const port = await closedPort();
      const error = await failure(provider.accessToken('ws1', clientCredentialsGrant(`http://127.0.0.1:${port}/token`)));
      expect([error.code, error.message]).toEqual([ErrorCode.UpstreamAuthFailed, `The token endpoint of auth 'oauth' at http://127.0.0.1:${port} could not be reached`]);
    });

    it('for an answer too large to be a token response', async () => {
      endpoint.reply = answer(200, { access_token: 'x'.repeat(70 * 1024) });
      const error = await failure(provider.accessToken('ws1', grant()));
      expect([error.code, error.message]).toEqual([ErrorCode.UpstreamAuthFailed, "The token endpoint of auth 'oauth' answered with more than 64 KiB, which is no token response"]);
    });
  });

  it('keeps the address policy: a token endpoint on a refused address is never called', async () => {
    const strict = new OutboundClient({ ...outboundOptions, allow: [] });
    try {
      const guarded = new OAuthTokenProvider(strict, cache, { timeoutMs: 300 });
      const error = await failure(guarded.accessToken('ws1', clientCredentialsGrant(endpoint.url)));
      expect(error.code).toBe(ErrorCode.OutboundAddressRefused);
      expect(endpoint.count).toBe(0);
    } finally {
      await strict.close();
    }
  });
});
