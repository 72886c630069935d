import { Switchboard } from '@switchboard/sdk';
import {
  startFakeStripe,
  startFakeThirdPartyApi,
  startPlatform,
  type FakeThirdPartyApi,
  type Platform,
} from '@switchboard/testing';
import pg from 'pg';
import { refusal } from './switchboard-for.js';

// The seed 000 and seed 002 `actions.run` samples against local fakes of the third parties.
describe('Running actions (seeds 000 and 002) through the SDK', () => {
  let platform: Platform;
  let stripe: FakeThirdPartyApi;
  let custom: FakeThirdPartyApi;
  let switchboard: Switchboard;

  beforeAll(async () => {
    stripe = await startFakeStripe(['sk_live_xxx', 'sk_live_rotated']);
    custom = await startFakeThirdPartyApi();
    custom.route('POST', '/data', (request) => ({ status: 200, body: { received: request.body ? (JSON.parse(request.body) as unknown) : null } }));
    custom.route('GET', '/db', () => ({ status: 200, body: { ok: true } }));
    // A short headers timeout lets the upstream-timeout case finish quickly; every other fake answers at once.
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1', OUTBOUND_HEADERS_TIMEOUT_MS: '1500' } });
    switchboard = new Switchboard({ ...(await platform.createWorkspace('runs')), url: platform.url });

    await switchboard.app.create({
      tag: 'stripe',
      name: 'Stripe',
      envs: [{ slug: 'prd', base_url: stripe.url, request_type: 'JSON' }],
      actions: [{ tag: 'create-charge', method: 'POST', path: '/v1/charges' }],
    });
    await switchboard.app.create({
      tag: 'custom_api',
      envs: [
        { slug: 'prd', base_url: custom.url, request_type: 'JSON' },
        { slug: 'dev', base_url: custom.url, request_type: 'JSON' },
      ],
      actions: [
        { tag: 'fetch_data', method: 'POST', path: '/data' },
        { tag: 'read_db', method: 'POST', path: '/data' },
      ],
    });
    await switchboard.product.init('ecommerce-platform');
    await switchboard.product.app.add({
      access_tag: 'stripe-payments',
      app: 'stripe',
      envs: [{ slug: 'prd', base_url: stripe.url, request_type: 'JSON', active: true }],
    });
    await switchboard.product.init('my_product');
    for (const access_tag of ['custom_api', 'payment_app', 'analytics_app']) {
      await switchboard.product.app.add({
        access_tag,
        app: access_tag === 'custom_api' ? 'custom_api' : 'stripe',
        envs: [
          { slug: 'prd', base_url: access_tag === 'custom_api' ? custom.url : stripe.url, request_type: 'JSON', active: true },
          { slug: 'dev', base_url: access_tag === 'custom_api' ? custom.url : stripe.url, request_type: 'JSON', active: true },
        ],
      });
    }
    await switchboard.product.app.add({ access_tag: 'db_app', app: 'custom_api', envs: [{ slug: 'prd' }, { slug: 'dev' }] });
  });

  afterAll(async () => {
    await platform?.stop();
    await stripe?.stop();
    await custom?.stop();
  });

  it('runs the seed 000 create-charge action and returns Stripe’s answer', async () => {
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: 'sk_live_xxx', scope: ['payment_app', 'stripe-payments'] });
    const result = await switchboard.actions.run({
      env: 'prd',
      product: 'ecommerce-platform',
      app: 'stripe-payments',
      event: 'create-charge',
      input: {
        headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' },
        body: {
          amount: 2000,
          currency: 'usd',
        },
      },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ object: 'charge', amount: 2000, currency: 'usd' });
    expect(result.run_id).toMatch(/^run_/);
    const sent = stripe.received.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer sk_live_xxx');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({ amount: 2000, currency: 'usd' });
  });

  it('substitutes references in action headers and bodies (seed 002 "In Action Headers")', async () => {
    await switchboard.secrets.create({ key: 'CUSTOM_API_KEY', value: 'custom-key-1' });
    await switchboard.secrets.create({ key: 'WEBHOOK_SIGNING_SECRET', value: 'whsec-1' });
    const result = await switchboard.actions.run({
      env: 'prd',
      product: 'my_product',
      app: 'custom_api',
      event: 'fetch_data',
      input: {
        headers: {
          'X-API-Key': '$Token{CUSTOM_API_KEY}',
          'X-Webhook-Secret': '$Token{WEBHOOK_SIGNING_SECRET}',
        },
        body: {
          data: 'payload',
        },
      },
    });
    expect(result).toMatchObject({ status: 200, body: { received: { data: 'payload' } } });
    const sent = custom.received.at(-1);
    expect([sent?.headers['x-api-key'], sent?.headers['x-webhook-secret']]).toEqual(['custom-key-1', 'whsec-1']);
  });

  it('works for the app in the secret’s scope and fails for one outside it, without calling out', async () => {
    // This works - payment_app is in scope
    const works = await switchboard.actions.run({
      env: 'prd',
      product: 'my_product',
      app: 'payment_app',
      event: 'create-charge',
      input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: 500, currency: 'eur' } },
    });
    expect(works.status).toBe(200);
    const callsBefore = stripe.received.length;
    // This fails - analytics_app is not in scope
    const error = await refusal(
      switchboard.actions.run({
        env: 'prd',
        product: 'my_product',
        app: 'analytics_app',
        event: 'create-charge',
        input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' } },
      }),
    );
    expect([error.status, error.code, error.message]).toEqual([403, 'secret_not_in_scope', "Secret 'STRIPE_KEY' is not accessible by app 'analytics_app'"]);
    expect(stripe.received.length).toBe(callsBefore);
  });

  it('works in production and fails in dev for a production-only secret', async () => {
    await switchboard.secrets.create({ key: 'PROD_DATABASE_URL', value: 'postgres://prod-server/db', envs: ['prd'] });
    const run = (env: string) =>
      switchboard.actions.run({ env, product: 'my_product', app: 'db_app', event: 'read_db', input: { body: { db_url: '$Token{PROD_DATABASE_URL}' } } });
    // This works - running in production
    expect((await run('prd')).status).toBe(200);
    expect(JSON.parse(custom.received.at(-1)?.body ?? '{}')).toEqual({ db_url: 'postgres://prod-server/db' });
    // This fails - secret not available in dev
    const error = await refusal(run('dev'));
    expect([error.status, error.code, error.message]).toEqual([403, 'secret_not_in_env', "Secret 'PROD_DATABASE_URL' is not available in environment 'dev'"]);
  });

  it('fails with the seed messages for a missing and an expired secret', async () => {
    const run = (reference: string) =>
      switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'custom_api', event: 'fetch_data', input: { headers: { 'X-Key': reference } } });
    const missing = await refusal(run('$Token{MY_SECRET}'));
    expect([missing.status, missing.code, missing.message]).toEqual([404, 'secret_not_found', "Secret 'MY_SECRET' not found"]);

    await switchboard.secrets.create({ key: 'OLD_KEY', value: 'old-value', expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    const client = new pg.Client({ connectionString: platform.databaseUrl });
    await client.connect();
    // The API refuses a past expiry, so the clock moves forward in the database instead.
    await client.query("UPDATE secrets_vault.secrets SET expires_at = now() - interval '1 second' WHERE key = 'OLD_KEY'");
    await client.end();
    const expired = await refusal(run('$Token{OLD_KEY}'));
    expect([expired.status, expired.code, expired.message]).toEqual([422, 'secret_expired', "Secret 'OLD_KEY' has expired"]);
  });

  it('audits every run-time use, also those answered from the executor’s secret cache', async () => {
    await switchboard.secrets.create({ key: 'AUDITED_KEY', value: 'audited-value' });
    const run = () =>
      switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'custom_api', event: 'fetch_data', input: { headers: { 'X-Key': '$Token{AUDITED_KEY}' } } });
    const runIds = [(await run()).run_id, (await run()).run_id, (await run()).run_id];
    // Cached uses are reported without waiting, so the trail catches up shortly after the runs.
    let uses = await switchboard.secrets.audit({ key: 'AUDITED_KEY' });
    for (let attempt = 0; uses.filter((entry) => entry.action === 'use').length < 3 && attempt < 50; attempt += 1) {
      uses = await switchboard.secrets.audit({ key: 'AUDITED_KEY' });
    }
    expect(uses.filter((entry) => entry.action === 'use').map((entry) => entry.run_id).sort()).toEqual([...runIds].sort());
  });

  it('uses a rotated secret on the very next run', async () => {
    await switchboard.secrets.rotate('STRIPE_KEY', 'sk_live_rotated');
    await switchboard.actions.run({
      env: 'prd',
      product: 'my_product',
      app: 'payment_app',
      event: 'create-charge',
      input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: 1, currency: 'usd' } },
    });
    expect(stripe.received.at(-1)?.headers.authorization).toBe('Bearer sk_live_rotated');
  });

  it('uses a changed base URL on the very next run, though the run plan was cached', async () => {
    const moved = await startFakeThirdPartyApi();
    moved.route('POST', '/data', () => ({ status: 201, body: { moved: true } }));
    try {
      const run = () => switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'custom_api', event: 'fetch_data', input: { body: {} } });
      expect((await run()).status).toBe(200);
      await switchboard.product.init('my_product');
      await switchboard.product.app.update('custom_api', { envs: [{ slug: 'prd', base_url: moved.url }] });
      // The update's event reaches the executor asynchronously, so wait for the first run that goes to the new place.
      let result = await run();
      for (let attempt = 0; result.status !== 201 && attempt < 50; attempt += 1) result = await run();
      expect(result).toMatchObject({ status: 201, body: { moved: true } });
      await switchboard.product.app.update('custom_api', { envs: [{ slug: 'prd', base_url: custom.url }] });
    } finally {
      await moved.stop();
    }
  });

  it('passes an upstream error through with the upstream status', async () => {
    const result = await switchboard.actions.run({
      env: 'prd',
      product: 'my_product',
      app: 'payment_app',
      event: 'create-charge',
      input: { headers: { Authorization: 'Bearer sk_wrong' }, body: { amount: 1, currency: 'usd' } },
    });
    expect(result).toMatchObject({ status: 401, body: { error: { type: 'invalid_request_error' } } });
  });

  it('refuses unknown products, access tags, envs and events with clear codes', async () => {
    const run = (overrides: object) =>
      switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'custom_api', event: 'fetch_data', ...overrides });
    expect((await refusal(run({ product: 'ghost' }))).code).toBe('product_not_found');
    expect((await refusal(run({ app: 'ghost' }))).code).toBe('connection_not_found');
    const env = await refusal(run({ env: 'stg' }));
    expect([env.status, env.code, env.message]).toEqual([422, 'connection_env_not_found', "Connection 'custom_api' has no env 'stg' (it has prd, dev)"]);
    const event = await refusal(run({ event: 'ghost' }));
    expect([event.status, event.code, event.message]).toEqual([404, 'action_not_found', "Action 'ghost' not found in app 'custom_api'"]);
  });

  it('answers 403 for a cloud metadata address, 502 for a closed port, 504 for a silent upstream, and a malformed body as text', async () => {
    custom.route('POST', '/broken', () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"half": ' }));
    let releaseSlow: () => void = () => undefined;
    custom.route('POST', '/slow', () => new Promise((resolve) => (releaseSlow = () => resolve({ status: 200, body: {} }))));
    await switchboard.app.create({
      tag: 'odd_api',
      envs: [{ slug: 'prd', base_url: custom.url, request_type: 'JSON' }],
      actions: [
        { tag: 'broken', method: 'POST', path: '/broken' },
        { tag: 'slow', method: 'POST', path: '/slow' },
      ],
    });
    await switchboard.product.init('my_product');
    await switchboard.product.app.add({ access_tag: 'metadata', app: 'odd_api', envs: [{ slug: 'prd', base_url: 'http://169.254.169.254' }] });
    await switchboard.product.app.add({ access_tag: 'closed', app: 'odd_api', envs: [{ slug: 'prd', base_url: 'http://127.0.0.1:9' }] });
    await switchboard.product.app.add({ access_tag: 'odd', app: 'odd_api', envs: [{ slug: 'prd' }] });
    const run = (app: string) => switchboard.actions.run({ env: 'prd', product: 'my_product', app, event: 'broken', input: { body: {} } });

    const refused = await refusal(run('metadata'));
    expect([refused.status, refused.code]).toEqual([403, 'outbound_address_refused']);
    expect(refused.message).toContain('169.254.169.254');
    const closed = await refusal(run('closed'));
    expect([closed.status, closed.code]).toEqual([502, 'upstream_unreachable']);
    // The upstream's failure, coded in the answer: the gateway's request line is a warning, without a made-up error's stack.
    const requestLine = JSON.parse(await platform.services.gateway.waitForLog(/"statusCode":502.*"msg":"request errored"/)) as Record<string, unknown>;
    expect(requestLine).toMatchObject({ level: 40, res: { statusCode: 502 } });
    expect(requestLine).not.toHaveProperty('err');
    expect(await run('odd')).toMatchObject({ status: 200, body: '{"half": ' });
    const slow = await refusal(switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'odd', event: 'slow', input: { body: {} } }));
    releaseSlow();
    expect([slow.status, slow.code]).toEqual([504, 'upstream_timeout']);
  });

  it('applies an app env’s own timeouts over the executor’s defaults', async () => {
    // Slower than this platform's OUTBOUND_HEADERS_TIMEOUT_MS of 1500 ms, well within the prd env's own 5 s.
    custom.route('POST', '/patient', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      return { status: 200, body: { ok: true } };
    });
    const app = await switchboard.app.create({
      tag: 'patient_api',
      envs: [
        { slug: 'prd', base_url: custom.url, request_type: 'JSON', timeouts: { headers_ms: 5000 } },
        { slug: 'dev', base_url: custom.url, request_type: 'JSON' },
      ],
      actions: [{ tag: 'wait', method: 'POST', path: '/patient' }],
    });
    expect(app.envs.map((env) => env.timeouts)).toEqual([
      { connect_ms: null, headers_ms: 5000, body_ms: null },
      { connect_ms: null, headers_ms: null, body_ms: null },
    ]);
    await switchboard.product.app.add({ access_tag: 'patient_api', app: 'patient_api', envs: [{ slug: 'prd' }, { slug: 'dev' }] });
    const wait = (env: string) => switchboard.actions.run({ env, product: 'my_product', app: 'patient_api', event: 'wait', input: { body: {} } });

    expect((await wait('prd')).status).toBe(200);
    const dev = await refusal(wait('dev'));
    expect([dev.status, dev.code, dev.message]).toEqual([504, 'upstream_timeout', `The upstream at ${custom.url} did not answer within 1500 ms`]);

    const invalid = await refusal(
      switchboard.app.create({ tag: 'bad_timeouts', envs: [{ slug: 'prd', base_url: custom.url, request_type: 'JSON', timeouts: { headers_ms: 999, body_ms: 700_000 } }] }),
    );
    expect([invalid.status, invalid.code]).toEqual([400, 'validation_failed']);
    expect(invalid.message).toContain('envs.0.timeouts.headers_ms must not be less than 1000');
    expect(invalid.message).toContain('envs.0.timeouts.body_ms must not be greater than 600000');
  });

  it('refuses a missing path param and a body the request type cannot carry', async () => {
    await switchboard.app.create({
      tag: 'strict_api',
      envs: [{ slug: 'prd', base_url: custom.url, request_type: 'FORM' }],
      actions: [{ tag: 'get-item', method: 'POST', path: '/items/:id' }],
    });
    await switchboard.product.init('my_product');
    await switchboard.product.app.add({ access_tag: 'strict', app: 'strict_api', envs: [{ slug: 'prd' }] });
    const missing = await refusal(switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'strict', event: 'get-item' }));
    expect([missing.status, missing.code, missing.message]).toEqual([400, 'missing_path_param', 'input.params.id is required by the action path /items/:id']);
    const nested = await refusal(
      switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'strict', event: 'get-item', input: { params: { id: 1 }, body: { a: { b: 1 } } } }),
    );
    expect([nested.status, nested.code]).toEqual([400, 'body_not_encodable']);
  });

  it('refuses header values with line breaks, which could smuggle headers', async () => {
    const error = await refusal(
      switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'custom_api', event: 'fetch_data', input: { headers: { 'X-Note': 'a\r\nX-Injected: 1' } } }),
    );
    expect([error.status, error.code]).toEqual([400, 'validation_failed']);
    expect(error.message).toMatch(/^run\.input\.headers must map header names to string values|^input\.headers must map header names to string values/);
  });

  it('plans a run without calling out: the request with references unresolved and every check', async () => {
    const callsBefore = stripe.received.length;
    const request = {
      env: 'prd',
      product: 'my_product',
      app: 'analytics_app',
      event: 'create-charge',
      input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: 5, currency: 'usd' } },
    };
    const refused = await switchboard.actions.plan(request);
    expect(refused.would_run).toBe(false);
    expect(refused.request).toEqual({
      method: 'POST',
      url: `${stripe.url}/v1/charges`,
      headers: { Authorization: 'Bearer $Token{STRIPE_KEY}', 'content-type': 'application/json' },
      body: { amount: 5, currency: 'usd' },
    });
    expect(refused.checks).toEqual([
      { check: 'connection, env and action', ok: true },
      { check: 'variables', ok: true },
      { check: 'secret STRIPE_KEY', ok: false, code: 'secret_not_in_scope', message: "Secret 'STRIPE_KEY' is not accessible by app 'analytics_app'" },
      { check: 'request encoding', ok: true },
      { check: 'outbound destination', ok: true },
    ]);
    expect((await switchboard.actions.plan({ ...request, app: 'payment_app' })).would_run).toBe(true);
    const ghost = await switchboard.actions.plan({ ...request, event: 'ghost' });
    expect(ghost).toMatchObject({ would_run: false, request: null, checks: [{ ok: false, code: 'action_not_found' }] });
    expect(stripe.received.length).toBe(callsBefore);
  });

  it('authenticates with the connection’s auth from seed 002 "In App Authentication", resolving its reference', async () => {
    await switchboard.app.create({
      tag: 'stripe_app',
      envs: [{ slug: 'prd', base_url: custom.url, request_type: 'JSON' }],
      actions: [{ tag: 'fetch_data', method: 'POST', path: '/data' }],
      auth: [
        { tag: 'api_key_auth', type: 'api_key', in: 'header', name: 'X-Stripe-Key' },
        { tag: 'basic_auth', type: 'basic' },
      ],
    });
    await switchboard.secrets.create({ key: 'STRIPE_API_KEY', value: 'sk_app_auth_1', scope: ['stripe_app'] });
    await switchboard.product.init('my_product');
    await switchboard.product.apps.add({
      access_tag: 'stripe_app',
      envs: [
        {
          app_env_slug: 'prd',
          product_env_slug: 'prd',
          variables: [],
          auth: [
            {
              auth_tag: 'api_key_auth',
              data: {
                api_key: '$Token{STRIPE_API_KEY}', // Secret reference
              },
            },
          ],
        },
      ],
    });
    const result = await switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'stripe_app', event: 'fetch_data', input: { body: { a: 1 } } });
    expect(result.status).toBe(200);
    expect(custom.received.at(-1)?.headers['x-stripe-key']).toBe('sk_app_auth_1');

    await switchboard.product.apps.update('stripe_app', { envs: [{ slug: 'prd', auth: [{ auth_tag: 'basic_auth', data: { username: 'svc', password: '$Token{STRIPE_API_KEY}' } }] }] });
    let sent = custom.received.at(-1);
    for (let attempt = 0; attempt < 50 && sent?.headers.authorization === undefined; attempt += 1) {
      await switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'stripe_app', event: 'fetch_data', input: { body: { a: 2 } } });
      sent = custom.received.at(-1);
    }
    expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from('svc:sk_app_auth_1').toString('base64')}`);
  });

  it('retries a POST the upstream could not serve only when the input carries an Idempotency-Key', async () => {
    let calls = 0;
    // Busy on every odd call: the first attempt of each run fails, a retry would succeed.
    custom.route('POST', '/flaky', () => (++calls % 2 === 1 ? { status: 503, headers: { 'retry-after': '0' }, body: { error: 'busy' } } : { status: 200, body: { ok: true } }));
    await switchboard.app.create({
      tag: 'flaky_api',
      envs: [{ slug: 'prd', base_url: custom.url, request_type: 'JSON' }],
      actions: [{ tag: 'create', method: 'POST', path: '/flaky' }],
    });
    await switchboard.product.app.add({ access_tag: 'flaky_api', app: 'flaky_api', envs: [{ slug: 'prd', base_url: custom.url, request_type: 'JSON', active: true }] });
    const run = (headers: Record<string, string>) => switchboard.actions.run({ env: 'prd', product: 'my_product', app: 'flaky_api', event: 'create', input: { headers, body: { a: 1 } } });

    expect((await run({})).status).toBe(503);
    expect(calls).toBe(1);
    calls = 0;
    expect((await run({ 'Idempotency-Key': 'order-42' })).status).toBe(200);
    expect(calls).toBe(2);
    const sent = custom.received.filter((request) => request.path === '/flaky').at(-1);
    expect(sent?.headers['idempotency-key']).toBe('order-42');
  });

  it('refuses a run against an inactive env', async () => {
    await switchboard.product.init('my_product');
    await switchboard.product.app.update('custom_api', { envs: [{ slug: 'dev', active: false }] });
    const error = await refusal(switchboard.actions.run({ env: 'dev', product: 'my_product', app: 'custom_api', event: 'fetch_data' }));
    expect([error.status, error.code]).toEqual([422, 'connection_env_inactive']);
  });
});
