import { randomBytes } from 'node:crypto';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { connectAsHarness, scanForLeaks, startFakeThirdPartyApi, startPlatform, waitUntil, type FakeThirdPartyApi, type Platform, type WorkspaceCredentials } from '@switchboard/testing';

/**
 * Seeds distinctive secret values, drives the platform through create, use, rotate and error paths,
 * then searches every log line, every table and every response and event for them.
 */
describe('No secret value leaks into logs, tables, responses or events', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let nats: NatsConnection;
  let events: Subscription;
  let upstream: FakeThirdPartyApi;
  const eventPayloads: string[] = [];
  const responses: Record<string, string> = {};
  const canary = (name: string): string => `sb-canary-${name}-${randomBytes(6).toString('hex')}`;
  const values = {
    stripe: canary('stripe'),
    stripeRotated: canary('stripe-rotated'),
    prod: canary('prod'),
    user: canary('user'),
    network: canary('network'),
    fetchToken: canary('fetch-token'),
    oauthSecret: canary('oauth-secret'),
    oauthWrongSecret: canary('oauth-wrong-secret'),
    // Not a stored secret: the access token the authorization server issues must stay as hidden as one.
    oauthToken: canary('oauth-access-token'),
  };

  async function call(label: string, method: string, path: string, body?: unknown, opts: { mayReturnValue?: boolean } = {}): Promise<number> {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: {
        'x-switchboard-workspace-id': credentials.workspace_id,
        'x-switchboard-user-id': credentials.user_id,
        authorization: `Bearer ${credentials.private_key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    // Only secrets.fetch and the caller's own integration secrets may return a value.
    if (!opts.mayReturnValue) responses[`${method} ${path} (${label}) → ${response.status}`] = text;
    return response.status;
  }

  beforeAll(async () => {
    upstream = await startFakeThirdPartyApi();
    upstream.route('POST', '/v1/charges', () => ({ status: 200, body: { id: 'ch_1' } }));
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    credentials = await platform.createWorkspace('leaks');
    nats = await connectAsHarness(platform.nats);
    events = nats.subscribe('events.>', { callback: (_error, message) => void eventPayloads.push(message.string()) });
  });

  afterAll(async () => {
    events?.unsubscribe();
    await nats?.close();
    await platform?.stop();
    await upstream?.stop();
  });

  it('finds none of the seeded values anywhere after the whole secret life cycle', async () => {
    expect(await call('create', 'POST', '/v1/secrets', { key: 'STRIPE_KEY', value: values.stripe, scope: ['payment_app'] })).toBe(201);
    expect(await call('create', 'POST', '/v1/secrets', { key: 'PROD_KEY', value: values.prod, envs: ['prd'] })).toBe(201);
    expect(await call('duplicate', 'POST', '/v1/secrets', { key: 'STRIPE_KEY', value: values.stripe })).toBe(409);
    expect(await call('too large', 'POST', '/v1/secrets', { key: 'HUGE', value: values.stripe.repeat(5000) })).toBe(400);
    expect(await call('bad key', 'POST', '/v1/secrets', { key: 'bad key', value: values.stripe })).toBe(400);
    expect(await call('unknown field', 'POST', '/v1/secrets', { key: 'X_KEY', value: values.stripe, colour: values.stripe })).toBe(400);
    expect(await call('list', 'GET', '/v1/secrets')).toBe(200);
    expect(await call('fetch', 'GET', '/v1/secrets/STRIPE_KEY', undefined, { mayReturnValue: true })).toBe(200);
    expect(await call('rotate', 'POST', '/v1/secrets/STRIPE_KEY/rotate', { value: values.stripeRotated })).toBe(200);
    expect(await call('update', 'PATCH', '/v1/secrets/PROD_KEY', { description: 'prod', value: canary('prod-2') })).toBe(200);
    expect(await call('audit', 'GET', '/v1/secret-audit')).toBe(200);

    expect(await call('product', 'PUT', '/v1/products/shop', {})).toBe(201);
    const app = { tag: 'stripe', envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON' }], actions: [{ tag: 'create-charge', method: 'POST', path: '/v1/charges' }], auth: [{ tag: 'bearer', type: 'bearer' }] };
    expect(await call('app', 'POST', '/v1/apps', app)).toBe(201);
    expect(await call('connect', 'POST', '/v1/products/shop/connect', { app: 'stripe' })).toBe(200);
    const connection = {
      access_tag: 'payment_app',
      app: 'stripe',
      envs: [{ slug: 'prd', base_url: upstream.url, request_type: 'JSON', auth: [{ auth_tag: 'bearer', data: { token: '$Token{STRIPE_KEY}' } }] }],
    };
    expect(await call('connect app', 'POST', '/v1/products/shop/connections', connection)).toBe(201);
    expect(await call('fetch connection', 'GET', '/v1/products/shop/connections/payment_app')).toBe(200);

    expect(await call('user secret', 'PUT', '/v1/integrations/secrets/USERNAME', { value: values.user })).toBe(200);
    expect(await call('user secret', 'GET', '/v1/integrations/secrets/USERNAME', undefined, { mayReturnValue: true })).toBe(200);
    expect(await call('network secret', 'PUT', '/v1/integrations/networks/north/secrets/TOKEN', { value: values.network })).toBe(200);
    expect(await call('user secret, bad value', 'PUT', '/v1/integrations/secrets/USERNAME', { value: [values.user] })).toBe(400);

    // Run-time use, as the action executor asks for it: allowed, then refused by scope and by env.
    const resolve = async (keys: string[], access_tag: string, env: string): Promise<string> =>
      (await nats.request('secrets.reference.resolve', JSON.stringify({ pattern: 'secrets.reference.resolve', id: 'leak-scan', data: { workspace_id: credentials.workspace_id, keys, app_tag: 'stripe', access_tag, env } }), { timeout: 5000 })).string();
    await resolve(['STRIPE_KEY'], 'payment_app', 'prd');
    const refusedScope = await resolve(['STRIPE_KEY'], 'analytics_app', 'prd');
    const refusedEnv = await resolve(['PROD_KEY'], 'payment_app', 'dev');
    expect(refusedScope).toContain('secret_not_in_scope');
    expect(refusedEnv).toContain('secret_not_in_env');
    responses['resolve refused by scope'] = refusedScope;
    responses['resolve refused by env'] = refusedEnv;

    const run = (access: string, env = 'prd') => ({ env, product: 'shop', app: access, event: 'create-charge', input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { note: '$Token{STRIPE_KEY}' } } });
    expect(await call('action run', 'POST', '/v1/actions/run', run('payment_app'))).toBe(200);
    expect(upstream.received.at(-1)?.headers.authorization).toBe(`Bearer ${values.stripeRotated}`);
    expect(await call('action run, unknown env', 'POST', '/v1/actions/run', run('payment_app', 'dev'))).toBe(422);

    upstream.route('POST', '/proxy', () => ({ status: 200, body: { ok: true } }));
    expect(await call('create', 'POST', '/v1/secrets', { key: 'FETCH_TOKEN', value: values.fetchToken })).toBe(201);
    const proxied = { url: `${upstream.url}/proxy`, method: 'POST', headers: { 'x-user': '$(secret:USERNAME)' }, body: { token: '$Token{FETCH_TOKEN}' } };
    expect(await call('integrations fetch', 'POST', '/v1/integrations/fetch', proxied)).toBe(200);
    expect(upstream.received.at(-1)?.headers['x-user']).toBe(values.user);
    expect(upstream.received.at(-1)?.body).toContain(values.fetchToken);
    expect(await call('integrations fetch, scoped secret', 'POST', '/v1/integrations/fetch', { ...proxied, body: { token: '$Token{STRIPE_KEY}' } })).toBe(403);
    const refusedFetch = { ...proxied, url: 'http://169.254.169.254/$(secret:USERNAME)' };
    expect(await call('integrations fetch, refused address', 'POST', '/v1/integrations/fetch', refusedFetch)).toBe(403);

    // OAuth2 client credentials: a token endpoint that echoes a wrong secret in its error, an API that takes the token.
    upstream.route('POST', '/oauth/token', (request) => {
      const form = Object.fromEntries(new URLSearchParams(request.body));
      if (form.client_secret !== values.oauthSecret) return { status: 401, body: { error: 'invalid_client', error_description: `wrong secret ${form.client_secret ?? ''}` } };
      return { status: 200, body: { access_token: values.oauthToken, token_type: 'Bearer', expires_in: 3600 } };
    });
    upstream.route('GET', '/v1/me', (request) =>
      request.headers.authorization === `Bearer ${values.oauthToken}` ? { status: 200, body: { user: 'crm-user' } } : { status: 401, body: { error: 'invalid_token' } },
    );
    const crm = {
      tag: 'crm',
      envs: [{ slug: 'prd', base_url: upstream.url, request_type: 'JSON' }],
      actions: [{ tag: 'fetch-profile', method: 'GET', path: '/v1/me' }],
      auth: [{ tag: 'oauth', type: 'oauth2_client_credentials', token_url: `${upstream.url}/oauth/token`, scopes: ['profile'] }],
    };
    expect(await call('oauth app', 'POST', '/v1/apps', crm)).toBe(201);
    expect(await call('create', 'POST', '/v1/secrets', { key: 'OAUTH_CLIENT_ID', value: 'leak-scan-client' })).toBe(201);
    expect(await call('create', 'POST', '/v1/secrets', { key: 'OAUTH_CLIENT_SECRET', value: values.oauthSecret })).toBe(201);
    expect(await call('create', 'POST', '/v1/secrets', { key: 'OAUTH_WRONG_SECRET', value: values.oauthWrongSecret })).toBe(201);
    const oauthConnection = (access_tag: string, secretKey: string) => ({
      access_tag,
      app: 'crm',
      envs: [{ slug: 'prd', auth: [{ auth_tag: 'oauth', data: { client_id: '$Token{OAUTH_CLIENT_ID}', client_secret: `$Token{${secretKey}}` } }] }],
    });
    expect(await call('oauth connection', 'POST', '/v1/products/shop/connections', oauthConnection('crm_app', 'OAUTH_CLIENT_SECRET'))).toBe(201);
    expect(await call('oauth connection, wrong secret', 'POST', '/v1/products/shop/connections', oauthConnection('crm_wrong', 'OAUTH_WRONG_SECRET'))).toBe(201);
    const oauthRun = (app: string) => ({ env: 'prd', product: 'shop', app, event: 'fetch-profile' });
    expect(await call('oauth plan', 'POST', '/v1/actions/plan', oauthRun('crm_app'))).toBe(200);
    expect(await call('oauth run', 'POST', '/v1/actions/run', oauthRun('crm_app'))).toBe(200);
    expect(await call('oauth run, cached token', 'POST', '/v1/actions/run', oauthRun('crm_app'))).toBe(200);
    expect(upstream.received.at(-1)?.headers.authorization).toBe(`Bearer ${values.oauthToken}`);
    expect(await call('oauth run, wrong secret', 'POST', '/v1/actions/run', oauthRun('crm_wrong'))).toBe(502);
    // Run records are written after the reply: wait for these runs' records, so the table scan below sees them.
    await waitUntil(
      async () => {
        const response = await fetch(`${platform.url}/v1/actions/runs?product=shop&limit=200`, {
          headers: { 'x-switchboard-workspace-id': credentials.workspace_id, 'x-switchboard-user-id': credentials.user_id, authorization: `Bearer ${credentials.private_key}` },
        });
        const text = await response.text();
        responses['run records after the oauth runs'] = text;
        return (text.match(/"access_tag":"crm_(app|wrong)"/g) ?? []).length >= 3;
      },
      { what: 'the run records of the oauth runs', timeoutMs: 10_000, intervalMs: 50 },
    );

    expect(await call('delete', 'DELETE', '/v1/secrets/PROD_KEY')).toBe(200);

    const logs = Object.fromEntries(Object.values(platform.services).map((service) => [service.name, service.logs]));
    const leaks = await scanForLeaks(Object.values(values), {
      logs,
      texts: { ...responses, ...Object.fromEntries(eventPayloads.map((payload, index) => [`event ${index + 1}`, payload])) },
      databaseUrl: platform.databaseUrl,
    });
    expect(leaks).toEqual([]);
    // The scanner itself must see what it searches: the events and logs are not empty.
    expect(eventPayloads.length).toBeGreaterThan(3);
    expect(Object.values(logs).flat().length).toBeGreaterThan(20);
  });

  it('would report a value that did leak, so the scan above can fail', async () => {
    const leaks = await scanForLeaks([values.stripe], { logs: { gateway: [`{"msg":"oops ${values.stripe}"}`] }, databaseUrl: platform.databaseUrl });
    expect(leaks).toEqual([{ value: values.stripe, where: 'gateway log line 1' }]);
  });
});
