import { type Switchboard } from '@switchboard/sdk';
import { type Platform, startPlatform, type WorkspaceCredentials } from '@switchboard/testing';
import { announceBody, gatewayRequest, refusal, switchboardFor } from './switchboard-for.js';

const STRIPE_ENV = { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true } as const;

describe('Bad input gets a clear error and leaves nothing half-written', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('bad-input');
    switchboard = switchboardFor(platform, credentials);
    await switchboard.product.init('shop');
    await switchboard.product.app.connect('stripe');
    await switchboard.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: [STRIPE_ENV] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('refuses an unknown product with 404 product_not_found', async () => {
    const error = await refusal(switchboard.product.fetch('no-such-product'));
    expect([error.status, error.code, error.message]).toEqual([404, 'product_not_found', "Product 'no-such-product' not found"]);
    const listing = await gatewayRequest(platform, credentials, 'GET', '/v1/products/no-such-product/connections');
    expect([listing.status, listing.body.code]).toEqual([404, 'product_not_found']);
  });

  it('refuses adding an app nobody registered with 404 app_not_found', async () => {
    const error = await refusal(switchboard.product.app.add({ access_tag: 'paypal-main', app: 'paypal', envs: [STRIPE_ENV] }));
    expect([error.status, error.code, error.message]).toEqual([404, 'app_not_found', "App 'paypal' not found"]);
  });

  it('refuses a duplicate access tag with 409 and keeps the first connection as it was', async () => {
    const error = await refusal(
      switchboard.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: [{ ...STRIPE_ENV, base_url: 'https://other.example' }] }),
    );
    expect([error.status, error.code, error.message]).toEqual([409, 'access_tag_taken', "Access tag 'stripe-payments' is already used in product 'shop'"]);
    const stored = await switchboard.product.app.fetch('stripe-payments');
    expect(stored.envs.map((env) => env.base_url)).toEqual(['https://api.stripe.com']);
  });

  it('refuses an env slug the product lacks with 422 and writes no connection', async () => {
    const error = await refusal(
      switchboard.product.app.add({ access_tag: 'stripe-qa', app: 'stripe', envs: [STRIPE_ENV, { ...STRIPE_ENV, slug: 'qa' }] }),
    );
    expect([error.status, error.code]).toEqual([422, 'product_env_not_found']);
    expect(error.message).toBe("envs.1.slug: product 'shop' has no env 'qa' (it has dev, stg, prd)");
    const all = await switchboard.product.app.fetchAll();
    expect(all.map((app) => app.access_tag)).toEqual(['stripe-payments']);
  });

  it('names the env field the caller sent when the product lacks that env', async () => {
    const { slug: _slug, ...env } = STRIPE_ENV;
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
      access_tag: 'stripe-nope',
      app: 'stripe',
      envs: [{ ...env, product_env_slug: 'nope' }],
    });
    const message = "envs.0.product_env_slug: product 'shop' has no env 'nope' (it has dev, stg, prd)";
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([422, 'product_env_not_found', message]);
    expect(reply.body.details).toEqual({ product: 'shop', env: 'nope', fields: [{ field: 'envs.0.product_env_slug', messages: [message] }] });
  });

  it('refuses a request_type outside JSON, XML, FORM, MULTIPART and TEXT', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
      access_tag: 'stripe-soap',
      app: 'stripe',
      envs: [{ ...STRIPE_ENV, request_type: 'SOAP' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'validation_failed', message: 'envs.0.request_type must be one of JSON, XML, FORM, MULTIPART, TEXT' });
  });

  it.each(['api.stripe.com', 'ftp://api.stripe.com', '/v1/charges', 'https://user:secret@api.stripe.com'])(
    'refuses the base_url %s as not an absolute http(s) URL',
    async (base_url) => {
      const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
        access_tag: 'stripe-bad-url',
        app: 'stripe',
        envs: [{ ...STRIPE_ENV, base_url }],
      });
      expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'envs.0.base_url must be an absolute http(s) URL']);
    },
  );

  it('names every missing required field', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', { app: 'stripe' });
    expect(reply.status).toBe(400);
    const fields = (reply.body.details as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['access_tag', 'envs']));
  });

  it('refuses wrong types, naming the field', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
      access_tag: 'stripe-types',
      app: 'stripe',
      envs: [{ ...STRIPE_ENV, active: 'yes' }],
    });
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'envs.0.active must be a boolean value']);
  });

  it.each([
    ['a nested object', { api_key: { nested: 'x' } }],
    ['an array', ['x']],
    ['a null value', { api_key: null }],
    ['an empty key', { '': 'x' }],
  ])('refuses auth data holding %s', async (_case, data) => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
      access_tag: 'stripe-auth',
      app: 'stripe',
      envs: [{ ...STRIPE_ENV, auth: [{ auth_tag: 'api_key_auth', data }] }],
    });
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    expect(reply.body.message).toMatch(/^envs\.0\.auth\.0\.data must be an object of at most 50 keys/);
  });

  it('refuses variables that are not {key, value} strings', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
      access_tag: 'stripe-vars',
      app: 'stripe',
      envs: [{ ...STRIPE_ENV, variables: [{ key: 'REGION', value: 42 }] }],
    });
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'envs.0.variables.0.value must be a string']);
  });

  it('refuses the NUL character, which PostgreSQL cannot store, with 400 instead of a server error', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
      access_tag: 'stripe-nul',
      app: 'stripe',
      envs: [{ ...STRIPE_ENV, variables: [{ key: 'REGION', value: 'us\u0000east' }] }],
    });
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([
      400,
      'validation_failed',
      'envs.0.variables.0.value must not contain the NUL character',
    ]);
  });

  it('registers no app when connect names a product that does not exist', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/ghost-product/connect', { app: 'typo-app' });
    expect([reply.status, reply.body.code]).toEqual([404, 'product_not_found']);
    expect((await refusal(switchboard.app.fetch('typo-app'))).code).toBe('app_not_found');
  });

  it('refuses fields the API does not know', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', {
      access_tag: 'stripe-extra',
      app: 'stripe',
      envs: [STRIPE_ENV],
      colour: 'blue',
    });
    expect([reply.status, reply.body.message]).toEqual([400, 'property colour should not exist']);
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/connections', '{"access_tag":');
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses an oversized body with 413 payload_too_large', async () => {
    const reply = await announceBody(platform, credentials, 'PUT', '/v1/products/big', 2 * 1024 * 1024);
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([413, 'payload_too_large', 'The request body is larger than 1048576 bytes (GATEWAY_BODY_LIMIT_BYTES)']);
    expect((await gatewayRequest(platform, credentials, 'GET', '/v1/products/big')).status).toBe(404);
  });

  it('refuses fetching and updating an unknown access tag with 404 connection_not_found', async () => {
    const fetched = await refusal(switchboard.product.app.fetch('stripe-missing'));
    expect([fetched.status, fetched.code, fetched.message]).toEqual([404, 'connection_not_found', "Connection 'stripe-missing' not found in product 'shop'"]);
    const updated = await refusal(switchboard.product.app.update('stripe-missing', { envs: [STRIPE_ENV] }));
    expect([updated.status, updated.code]).toEqual([404, 'connection_not_found']);
  });

  it('rejects an update with one bad env and leaves every env as it was', async () => {
    const before = await switchboard.product.app.fetch('stripe-payments');
    const error = await refusal(
      switchboard.product.app.update('stripe-payments', {
        envs: [
          { slug: 'prd', base_url: 'https://api.stripe.com/v3', request_type: 'JSON', active: true },
          { slug: 'qa', base_url: 'https://qa.stripe.com', request_type: 'JSON', active: true },
        ],
      }),
    );
    expect(error.code).toBe('product_env_not_found');
    expect(await switchboard.product.app.fetch('stripe-payments')).toEqual(before);
  });

  it('refuses a malformed tag in the URL path', async () => {
    const reply = await gatewayRequest(platform, credentials, 'GET', '/v1/products/bad%20tag/connections');
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses an app registered twice under the same tag with 409 app_tag_taken naming the tag field', async () => {
    await switchboard.app.create({ tag: 'twilio', name: 'Twilio' });
    const error = await refusal(switchboard.app.create({ tag: 'twilio', name: 'Twilio again' }));
    expect([error.status, error.code]).toEqual([409, 'app_tag_taken']);
    expect(error.details).toEqual({ app: 'twilio', fields: [{ field: 'tag', messages: ["An app tagged 'twilio' already exists in this workspace"] }] });
    expect((await switchboard.app.fetch('twilio')).name).toBe('Twilio');
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const reply = await gatewayRequest(platform, credentials, 'GET', '/v1/nothing-here');
    expect([reply.status, reply.body.code]).toEqual([404, 'route_not_found']);
  });
});
