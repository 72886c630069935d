import { SwitchboardError, type RunRecord, type Switchboard } from '@switchboard/sdk';
import {
  startFakeThirdPartyApi,
  startPlatform,
  startService,
  waitUntil,
  type FakeThirdPartyApi,
  type Platform,
  type ReceivedRequest,
} from '@switchboard/testing';
import { refusal, switchboardFor } from './switchboard-for.js';

const CLIENT_ID = 'switchboard-client';
const CLIENT_SECRET = 'oauth-client-secret-e2e';
const STORED_REFRESH_TOKEN = 'stored-refresh-token-e2e';

/**
 * Seed 002's connection with an `oauth` auth entry, against a fake authorization server and a fake API that takes
 * only the access tokens that server issued.
 */
describe('OAuth2 auth schemes through the SDK', () => {
  let platform: Platform;
  let authServer: FakeThirdPartyApi;
  let api: FakeThirdPartyApi;
  let switchboard: Switchboard;
  const issued = new Set<string>();
  let currentRefreshToken = STORED_REFRESH_TOKEN;
  /** How long the authorization server takes to answer a refresh, so that refreshes from two executors overlap. */
  let refreshDelayMs = 0;

  const tokenRequests = (grantType: string): ReceivedRequest[] =>
    authServer.received.filter((request) => new URLSearchParams(request.body).get('grant_type') === grantType);
  const formOf = (request: ReceivedRequest | undefined): Record<string, string> => Object.fromEntries(new URLSearchParams(request?.body ?? ''));
  const issue = (prefix: string): string => {
    const token = `${prefix}-${issued.size + 1}`;
    issued.add(token);
    return token;
  };
  const runAs = (app: string) => switchboard.actions.run({ env: 'prd', product: 'my_product', app, event: 'fetch_profile' });

  /** The run's record, once the executor has written it (after the reply, in a batch). */
  async function recordOf(runId: string): Promise<RunRecord> {
    let record: RunRecord | undefined;
    await waitUntil(
      async () => {
        record = await switchboard.actions.runs.fetch(runId).catch((error: unknown) => {
          if (error instanceof SwitchboardError && error.code === 'run_not_found') return undefined;
          throw error;
        });
        return record !== undefined;
      },
      { what: `run record ${runId}`, timeoutMs: 10_000, intervalMs: 50 },
    );
    return record as RunRecord;
  }

  beforeAll(async () => {
    authServer = await startFakeThirdPartyApi();
    authServer.route('POST', '/oauth/token', async (request) => {
      const form = formOf(request);
      if (form.grant_type === 'refresh_token') await new Promise((resolve) => setTimeout(resolve, refreshDelayMs));
      if (form.grant_type === 'client_credentials') {
        if (form.client_id !== CLIENT_ID || form.client_secret !== CLIENT_SECRET) {
          return { status: 401, body: { error: 'invalid_client', error_description: `Client authentication failed for ${form.client_secret ?? ''}` } };
        }
        return { status: 200, body: { access_token: issue('cc-access'), token_type: 'Bearer', expires_in: 3600, scope: form.scope } };
      }
      const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
      if (form.grant_type !== 'refresh_token' || request.headers.authorization !== `Basic ${basic}`) return { status: 401, body: { error: 'invalid_client' } };
      if (form.refresh_token !== currentRefreshToken) return { status: 400, body: { error: 'invalid_grant' } };
      // This server rotates refresh tokens (the one just used is revoked) and issues access tokens that expire at
      // once, so every run refreshes.
      currentRefreshToken = `rotated-refresh-${issued.size + 1}`;
      return { status: 200, body: { access_token: issue('rt-access'), token_type: 'bearer', expires_in: 0, refresh_token: currentRefreshToken } };
    });
    api = await startFakeThirdPartyApi();
    api.route('GET', '/v1/me', (request) => {
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      return token !== undefined && issued.has(token) ? { status: 200, body: { user: 'crm-user' } } : { status: 401, body: { error: 'invalid_token' } };
    });
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    switchboard = switchboardFor(platform, await platform.createWorkspace('oauth2'));

    await switchboard.app.create({
      tag: 'crm_app',
      envs: [{ slug: 'prd', base_url: api.url, request_type: 'JSON' }],
      actions: [{ tag: 'fetch_profile', method: 'GET', path: '/v1/me' }],
      auth: [
        { tag: 'oauth', type: 'oauth2_client_credentials', token_url: `${authServer.url}/oauth/token`, scopes: ['profile.read', 'profile.write'] },
        { tag: 'oauth_refresh', type: 'oauth2_refresh_token', token_url: `${authServer.url}/oauth/token`, client_auth: 'basic' },
      ],
    });
    await switchboard.secrets.create({ key: 'OAUTH_CLIENT_ID', value: CLIENT_ID });
    await switchboard.secrets.create({ key: 'OAUTH_CLIENT_SECRET', value: CLIENT_SECRET });
    await switchboard.secrets.create({ key: 'OAUTH_REFRESH_TOKEN', value: STORED_REFRESH_TOKEN });
    await switchboard.product.init('my_product');
    const connect = (access_tag: string, auth: { auth_tag: string; data: Record<string, string> }) =>
      switchboard.product.apps.add({ access_tag, app: 'crm_app', envs: [{ app_env_slug: 'prd', product_env_slug: 'prd', variables: [], auth: [auth] }] });
    // Seed 002 "Multiple Secrets in One Configuration", its auth entry as written.
    await connect('multi_service_app', { auth_tag: 'oauth', data: { client_id: '$Token{OAUTH_CLIENT_ID}', client_secret: '$Token{OAUTH_CLIENT_SECRET}' } });
    await connect('crm_refresh', {
      auth_tag: 'oauth_refresh',
      data: { client_id: '$Token{OAUTH_CLIENT_ID}', client_secret: '$Token{OAUTH_CLIENT_SECRET}', refresh_token: '$Token{OAUTH_REFRESH_TOKEN}' },
    });
    await connect('crm_bad_secret', { auth_tag: 'oauth', data: { client_id: '$Token{OAUTH_CLIENT_ID}', client_secret: 'not-the-client-secret' } });
  });

  afterAll(async () => {
    await platform?.stop();
    await authServer?.stop();
    await api?.stop();
  });

  it('returns the schemes as declared, with the OAuth2 settings', async () => {
    const app = await switchboard.app.fetch('crm_app');
    expect(app.auth).toEqual([
      { tag: 'oauth', type: 'oauth2_client_credentials', in: 'header', name: null, token_url: `${authServer.url}/oauth/token`, scopes: ['profile.read', 'profile.write'], audience: null, client_auth: 'body' },
      { tag: 'oauth_refresh', type: 'oauth2_refresh_token', in: 'header', name: null, token_url: `${authServer.url}/oauth/token`, scopes: [], audience: null, client_auth: 'basic' },
    ]);
  });

  it('plans the token step without calling the token endpoint', async () => {
    const plan = await switchboard.actions.plan({ env: 'prd', product: 'my_product', app: 'multi_service_app', event: 'fetch_profile' });
    expect(plan.would_run).toBe(true);
    expect(plan.checks).toEqual(
      expect.arrayContaining([
        {
          check: 'auth oauth',
          ok: true,
          message: `OAuth2 client credentials: an access token from ${authServer.url}/oauth/token (client_id and client_secret in the form body, scope profile.read profile.write), cached until it expires, sent as Authorization: Bearer; not requested while planning`,
        },
        { check: 'auth oauth token endpoint', ok: true },
      ]),
    );
    expect(authServer.received).toHaveLength(0);
  });

  it('gets a client-credentials token once and sends it on two runs', async () => {
    const first = await runAs('multi_service_app');
    const second = await runAs('multi_service_app');
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toEqual({ user: 'crm-user' });
    const requests = tokenRequests('client_credentials');
    expect(requests).toHaveLength(1);
    expect(formOf(requests[0])).toEqual({ grant_type: 'client_credentials', scope: 'profile.read profile.write', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(api.received.slice(-2).map((request) => request.headers.authorization)).toEqual(['Bearer cc-access-1', 'Bearer cc-access-1']);

    const record = await recordOf(second.run_id);
    expect(record).toMatchObject({ status: 'succeeded', http_status: 200 });
    expect(JSON.stringify(record)).not.toContain('cc-access-1');
  });

  it('refreshes with the stored refresh token, then with the one the server rotated to', async () => {
    expect(await runAs('crm_refresh')).toMatchObject({ status: 200, body: { user: 'crm-user' } });
    const first = tokenRequests('refresh_token').at(-1);
    expect(formOf(first)).toEqual({ grant_type: 'refresh_token', refresh_token: STORED_REFRESH_TOKEN });
    // The access token was not worth caching, and the stored refresh token is revoked by now.
    expect(await runAs('crm_refresh')).toMatchObject({ status: 200 });
    const refreshes = tokenRequests('refresh_token');
    expect(refreshes).toHaveLength(2);
    expect(formOf(refreshes[1]).refresh_token).toMatch(/^rotated-refresh-/);

    // The rotated refresh token is stored as a new version of the secret the connection references, so a restarted
    // executor (or another replica) refreshes with the live token, not the revoked one it started from.
    await waitUntil(async () => (await switchboard.secrets.fetch('OAUTH_REFRESH_TOKEN')).value === currentRefreshToken, {
      what: 'the rotated refresh token to be stored',
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    const audit = await switchboard.secrets.audit({ key: 'OAUTH_REFRESH_TOKEN' });
    expect(audit.filter((entry) => entry.action === 'rotate').map((entry) => entry.user_id)).toEqual(['system:oauth-refresh', 'system:oauth-refresh']);
    await platform.restartService('action-executor');
    expect(await runAs('crm_refresh')).toMatchObject({ status: 200, body: { user: 'crm-user' } });
    expect(formOf(tokenRequests('refresh_token').at(-1)).refresh_token).toMatch(/^rotated-refresh-/);
  });

  it('refreshes one at a time across executor replicas, each with the token the last one rotated to', async () => {
    const replica = await startService('action-executor', { nats: platform.nats, env: platform.services['action-executor'].env });
    try {
      refreshDelayMs = 30;
      const before = tokenRequests('refresh_token').length;
      // Every access token expires at once, so each wave of runs refreshes (a replica's runs share one request); the
      // queue group spreads each wave over both replicas.
      const outcomes: unknown[] = [];
      for (let wave = 0; wave < 8; wave += 1) {
        const runs = await Promise.all(Array.from({ length: 4 }, () => runAs('crm_refresh').catch((error: unknown) => error)));
        outcomes.push(...runs.map((run) => (run instanceof SwitchboardError ? `${run.code}: ${run.message}` : (run as { status: number }).status)));
      }
      expect(outcomes).toEqual(Array(32).fill(200));
      const refreshes = tokenRequests('refresh_token').slice(before).map((request) => formOf(request).refresh_token);
      // Without a lease shared by the replicas two of them send the same refresh token, and the second is refused.
      expect(new Set(refreshes).size).toBe(refreshes.length);
    } finally {
      refreshDelayMs = 0;
      await replica.stop();
    }
  });

  it('fails with a clear upstream_auth_failed for a wrong client secret, without calling the API', async () => {
    const apiCalls = api.received.length;
    const error = await refusal(runAs('crm_bad_secret'));
    expect([error.status, error.code, error.message]).toEqual([502, 'upstream_auth_failed', "The token endpoint of auth 'oauth' refused the request: invalid_client (HTTP 401)"]);
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('not-the-client-secret');
    expect(api.received.length).toBe(apiCalls);
    // Not cached: the next run asks again.
    const tokenCalls = authServer.received.length;
    await refusal(runAs('crm_bad_secret'));
    expect(authServer.received.length).toBe(tokenCalls + 1);
  });

  it('refuses a scheme whose token_url is missing, or set on a type that has none', async () => {
    const missing = await refusal(switchboard.app.create({ tag: 'broken_oauth', auth: [{ tag: 'oauth', type: 'oauth2_client_credentials' }] }));
    expect([missing.status, missing.code, missing.message]).toEqual([
      400,
      'validation_failed',
      'auth.0.token_url is required for auth schemes of type oauth2_client_credentials and oauth2_refresh_token',
    ]);
    const misplaced = await refusal(switchboard.app.create({ tag: 'broken_bearer', auth: [{ tag: 'b', type: 'bearer', token_url: `${authServer.url}/oauth/token` }] }));
    expect([misplaced.status, misplaced.message]).toEqual([400, 'auth.0.token_url is only allowed for auth schemes of type oauth2_client_credentials and oauth2_refresh_token']);
  });
});
