import type { Switchboard } from '@switchboard/sdk';
import { nestedJson, type Platform, startPlatform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, switchboardFor } from './switchboard-for.js';

const STRIPE_ENV = { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true } as const;
const RUN = { env: 'prd', product: 'shop', app: 'stripe-payments', event: 'charge' } as const;

const withNested = (prefix: string, levels: number, suffix: string): string => `${prefix}${nestedJson(levels)}${suffix}`;
const runWithNestedBody = (levels: number): string => withNested(`${JSON.stringify(RUN).slice(0, -1)},"input":{"body":`, levels, '}}');

const EVENTS = '/v1/products/shop/webhooks/github_webhook/events';

const BODY_ENDPOINTS: [method: string, path: string][] = [
  ['PUT', '/v1/products/shop'],
  ['PATCH', '/v1/products/shop'],
  ['POST', '/v1/apps'],
  ['POST', '/v1/apps/import/preview'],
  ['POST', '/v1/apps/import'],
  ['POST', '/v1/products/shop/connect'],
  ['POST', '/v1/products/shop/connections'],
  ['PATCH', '/v1/products/shop/connections/stripe-payments'],
  ['POST', '/v1/products/shop/webhooks'],
  ['PATCH', '/v1/products/shop/webhooks/github_webhook'],
  ['POST', '/v1/products/shop/webhooks/github_webhook/events/replay'],
  ['POST', '/v1/products/shop/webhooks/github_webhook/forwarding-secret/rotate'],
  ['POST', '/v1/secrets'],
  ['PATCH', '/v1/secrets/STRIPE_KEY'],
  ['POST', '/v1/secrets/STRIPE_KEY/rotate'],
  ['PUT', '/v1/integrations/secrets/OWN_KEY'],
  ['PUT', '/v1/integrations/networks/shop-net/secrets/NET_KEY'],
  ['POST', '/v1/integrations/fetch'],
  ['POST', '/v1/actions/run'],
  ['POST', '/v1/actions/dispatch'],
  ['POST', '/v1/actions/plan'],
  ['POST', '/v1/sessions'],
];
const DEPTHS = [65, 1_000, 2_000, 5_000, 10_000];

// The free-form fields a caller may nest: a run's input and a fetch's body.
const FREE_FORM_BODIES: [method: string, path: string, field: string, body: (levels: number) => string][] = [
  ['POST', '/v1/actions/run', 'input', runWithNestedBody],
  ['POST', '/v1/actions/dispatch', 'input', runWithNestedBody],
  ['POST', '/v1/actions/plan', 'input', runWithNestedBody],
  ['POST', '/v1/integrations/fetch', 'body', (levels) => withNested('{"url":"https://example.com/hook","body":', levels, '}')],
];

// Webhook bodies of the wrong shape, each refused naming its field before the connection service is asked.
const BAD_WEBHOOK_FIELDS: [change: object, field: string, message: string][] = [
  [{ signing_secret: { $Token: 'KEY' } }, 'signing_secret', 'signing_secret must be a string'],
  [{ envs: 'prd' }, 'envs', 'envs must be an array'],
  [{ envs: [] }, 'envs', 'envs must contain at least 1 element'],
  [{ tolerance_seconds: 1.5 }, 'tolerance_seconds', 'tolerance_seconds must be an integer number'],
  [{ hmac: 'sha256' }, 'hmac', 'nested property hmac must be either object or array'],
  [{ scheme: null }, 'scheme', 'scheme must not be null'],
];

const SECRET_NULLS: [field: string, message: string][] = [
  ['description', 'description must not be null'],
  ['scope', 'scope must not be null'],
  ['envs', 'envs must not be null'],
  ['value', 'value must not be null'],
];
// base_url is not here: null removes the override (its own test below).
const CONNECTION_ENV_FIELDS = ['slug', 'product_env_slug', 'app_env_slug', 'request_type', 'active', 'variables', 'auth'];

const PARAM_RULE = 'must be a string, number or boolean';
const QUERY_RULE = 'must be a string, number, boolean or an array of them';
const BAD_URL_VALUES: [input: object, field: string, message: string][] = [
  [{ params: { id: { nested: 'x' } } }, 'input.params.id', `input.params.id ${PARAM_RULE}`],
  [{ params: { id: ['ch_1'] } }, 'input.params.id', `input.params.id ${PARAM_RULE}`],
  [{ params: { id: null } }, 'input.params.id', `input.params.id ${PARAM_RULE}`],
  [{ params: 'ch_1' }, 'input.params', `input.params must be an object whose values are each a string, number or boolean`],
  [{ params: { id: 'ch_1' }, query: { expand: { customer: true } } }, 'input.query.expand', `input.query.expand ${QUERY_RULE}`],
  [{ params: { id: 'ch_1' }, query: { expand: [{ customer: true }] } }, 'input.query.expand', `input.query.expand ${QUERY_RULE}`],
  [{ params: { id: 'ch_1' }, query: { expand: [['customer']] } }, 'input.query.expand', `input.query.expand ${QUERY_RULE}`],
  [{ params: { id: 'ch_1' }, query: { expand: null } }, 'input.query.expand', `input.query.expand ${QUERY_RULE}`],
];

// A run's input and its parts are objects when given; null is never "no value" (README: only fields an update removes may be null).
const BAD_INPUTS: [input: unknown, field: string, message: string][] = [
  [[], 'input', 'input must be an object'],
  ['{}', 'input', 'input must be an object'],
  [null, 'input', 'input must not be null'],
  [{ params: { id: 'ch_1' }, body: null }, 'input.body', 'input.body must not be null'],
  [{ params: { id: 'ch_1' }, headers: null }, 'input.headers', 'input.headers must not be null'],
  [{ params: { id: 'ch_1' }, query: null }, 'input.query', 'input.query must not be null'],
  [{ params: null }, 'input.params', 'input.params must not be null'],
];
const BAD_FETCHES: [body: object, field: string, message: string][] = [
  [{ url: 'https://example.com/hook', body: null }, 'body', 'body must not be null'],
  [{ url: 'https://example.com/hook', headers: null }, 'headers', 'headers must not be null'],
  [{ url: 'https://example.com/hook', method: null }, 'method', 'method must not be null'],
];

const BODY_MUST_BE_OBJECT = 'The request body must be a JSON object';
const NOT_OBJECTS: [name: string, json: string][] = [
  ['an array', '[]'],
  ['a string', '"str"'],
  ['a number', '1'],
  ['a boolean', 'true'],
  ['null', 'null'],
  ['an array nested 10,000 deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
];

const JSON_ONLY = 'request bodies must be application/json';
const SECRET_JSON = JSON.stringify({ key: 'MEDIA_KEY', value: 'v' });
const REFUSED_MEDIA: [contentType: string | null, body: string, message: string][] = [
  ['text/plain', SECRET_JSON, `Content-Type text/plain is not accepted: ${JSON_ONLY}`],
  ['application/x-www-form-urlencoded', 'key=MEDIA_KEY&value=v', `Content-Type application/x-www-form-urlencoded is not accepted: ${JSON_ONLY}`],
  ['multipart/form-data; boundary=x', '--x--', `Content-Type multipart/form-data is not accepted: ${JSON_ONLY}`],
  ['application/xml', '<secret/>', `Content-Type application/xml is not accepted: ${JSON_ONLY}`],
  [null, SECRET_JSON, `A body without a Content-Type is not accepted: ${JSON_ONLY}`],
];

const BAD_QUERIES: [path: string, field: string, message: string][] = [
  ['/v1/secret-audit?limit=abc', 'limit', 'limit must be an integer number'],
  ['/v1/secret-audit?limit=1.5', 'limit', 'limit must be an integer number'],
  ['/v1/secret-audit?limit=1&limit=2', 'limit', 'limit must be an integer number'],
  ['/v1/secret-audit?limit=', 'limit', 'limit must be an integer number'],
  ['/v1/secret-audit?limit=%20', 'limit', 'limit must be an integer number'],
  ['/v1/secret-audit?limit=0', 'limit', 'limit must not be less than 1'],
  ['/v1/secret-audit?limit=501', 'limit', 'limit must not be greater than 500'],
  ['/v1/secret-audit?key=not-a-key', 'key', 'key must be 1-128 letters, digits or "_" (case-sensitive)'],
  ['/v1/actions/runs?limit=abc', 'limit', 'limit must be an integer number'],
  ['/v1/actions/runs?limit=', 'limit', 'limit must be an integer number'],
  ['/v1/actions/runs?limit=%20', 'limit', 'limit must be an integer number'],
  ['/v1/actions/runs?limit=201', 'limit', 'limit must not be greater than 200'],
  ['/v1/actions/runs?status=pending', 'status', 'status must be one of queued, running, succeeded, failed, dead_lettered'],
  ['/v1/actions/runs?before=yesterday', 'before', 'before must be an ISO 8601 date-time (the created_at of the last run of the previous page)'],
  ['/v1/actions/runs?before=2026-W05-6', 'before', 'before must be an ISO 8601 date-time (the created_at of the last run of the previous page)'],
  ['/v1/actions/runs?after=2026-13-01T00:00:00Z', 'after', 'after must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z'],
  ['/v1/actions/runs?after=2026-031', 'after', 'after must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z'],
  ['/v1/actions/runs?app=bad%20tag', 'app', 'app must be 1-64 letters, digits, "_" or "-", starting with a letter or digit'],
  [`${EVENTS}?status=pending`, 'status', 'status must be one of refused, stored, queued, held, delivered, dead_lettered'],
  [`${EVENTS}?limit=201`, 'limit', 'limit must not be greater than 200'],
  [`${EVENTS}?limit=`, 'limit', 'limit must be an integer number'],
  [`${EVENTS}?before=yesterday`, 'before', 'before must be an ISO 8601 date-time (the received_at of the last event of the previous page)'],
  [`${EVENTS}?after=2026-031`, 'after', 'after must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z'],
  [`${EVENTS}?after_sequence=-1`, 'after_sequence', 'after_sequence must not be less than 0'],
  [`${EVENTS}?after_sequence=1.5`, 'after_sequence', 'after_sequence must be an integer number'],
  [`${EVENTS}?after_sequence=9007199254740992`, 'after_sequence', 'after_sequence must not be greater than 9007199254740991'],
];

// A bulk replay takes only the statuses an event can be replayed from.
const BAD_REPLAY_FILTERS: [body: object, field: string, message: string][] = [
  [{ status: 'refused' }, 'status', 'status must be one of stored, delivered, dead_lettered'],
  [{ status: null }, 'status', 'status must not be null'],
  [{ after: 'last week' }, 'after', 'after must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z'],
  [{ env: 'Prd!' }, 'env', 'env must be 1-32 lowercase letters, digits, "_" or "-"'],
];

// Every route of the gateway, as the OpenAPI document names it (path params in braces); DELETE last, since before the
// query rule held it deleted the secret.
const ROUTES: [method: string, template: string][] = [
  ['GET', '/health'],
  ['GET', '/ready'],
  ['GET', '/health/live'],
  ['GET', '/health/ready'],
  ['GET', '/metrics'],
  ['PUT', '/v1/products/{product}'],
  ['GET', '/v1/products'],
  ['GET', '/v1/products/{product}'],
  ['PATCH', '/v1/products/{product}'],
  ['POST', '/v1/apps'],
  ['POST', '/v1/apps/import/preview'],
  ['POST', '/v1/apps/import'],
  ['GET', '/v1/apps'],
  ['GET', '/v1/apps/{app}'],
  ['GET', '/v1/apps/{app}/actions/{action}'],
  ['PATCH', '/v1/apps/{app}'],
  ['POST', '/v1/apps/{app}/publish'],
  ['GET', '/v1/apps/{app}/template-update'],
  ['POST', '/v1/apps/{app}/template-update'],
  ['GET', '/v1/marketplace/apps'],
  ['GET', '/v1/marketplace/apps/{tag}'],
  ['POST', '/v1/marketplace/apps/{tag}/install'],
  ['POST', '/v1/products/{product}/connect'],
  ['POST', '/v1/products/{product}/connections'],
  ['GET', '/v1/products/{product}/connections'],
  ['GET', '/v1/products/{product}/connections/{access_tag}'],
  ['PATCH', '/v1/products/{product}/connections/{access_tag}'],
  ['POST', '/v1/products/{product}/webhooks'],
  ['GET', '/v1/products/{product}/webhooks'],
  ['GET', '/v1/products/{product}/webhooks/{webhook}'],
  ['PATCH', '/v1/products/{product}/webhooks/{webhook}'],
  ['POST', '/v1/secrets'],
  ['GET', '/v1/secrets'],
  ['GET', '/v1/secrets/{key}'],
  ['PATCH', '/v1/secrets/{key}'],
  ['POST', '/v1/secrets/{key}/rotate'],
  ['GET', '/v1/secret-audit'],
  ['POST', '/v1/integrations/fetch'],
  ['GET', '/v1/integrations/secrets/{key}'],
  ['PUT', '/v1/integrations/secrets/{key}'],
  ['GET', '/v1/integrations/networks/{network}/secrets/{key}'],
  ['PUT', '/v1/integrations/networks/{network}/secrets/{key}'],
  ['POST', '/v1/actions/run'],
  ['POST', '/v1/actions/dispatch'],
  ['POST', '/v1/actions/plan'],
  ['GET', '/v1/actions/runs'],
  ['GET', '/v1/actions/runs/{run_id}'],
  ['DELETE', '/v1/secrets/{key}'],
  ['DELETE', '/v1/products/{product}/connections/{access_tag}'],
  ['DELETE', '/v1/products/{product}/webhooks/{webhook}'],
  ['DELETE', '/v1/apps/{app}'],
  ['DELETE', '/v1/products/{product}'],
  ['POST', '/v1/sessions'],
  ['GET', '/v1/sessions/current'],
  ['DELETE', '/v1/sessions/current'],
  ['POST', '/hooks/{receive_id}'],
  ['GET', '/v1/products/{product}/webhooks/{webhook}/forwarding-secret'],
  ['POST', '/v1/products/{product}/webhooks/{webhook}/forwarding-secret/rotate'],
  ['POST', '/v1/products/{product}/webhooks/{webhook}/enable'],
  ['GET', '/v1/products/{product}/webhooks/{webhook}/events'],
  ['GET', '/v1/products/{product}/webhooks/{webhook}/events/{event_id}'],
  ['POST', '/v1/products/{product}/webhooks/{webhook}/events/{event_id}/replay'],
  ['POST', '/v1/products/{product}/webhooks/{webhook}/events/replay'],
];
// The health and metrics routes stay out of the OpenAPI document.
const UNDOCUMENTED_ROUTES = ['GET /health', 'GET /ready', 'GET /health/live', 'GET /health/ready', 'GET /metrics'];
const PATH_VALUES: Record<string, string> = {
  product: 'shop',
  app: 'stripe',
  access_tag: 'stripe-payments',
  webhook: 'github_webhook',
  key: 'STRIPE_KEY',
  network: 'shop-net',
  run_id: 'run_00000000-0000-4000-8000-000000000000',
  receive_id: 'whk_000000000000000000000000',
  event_id: 'wev_00000000-0000-4000-8000-000000000000',
};
const pathOf = (template: string): string => template.replace(/\{(\w+)\}/g, (_match, name: string) => PATH_VALUES[name] ?? name);

// A 400 whose one field entry is `field`, with `message` as both the error's message and that field's only one.
function expectFieldRefusal(reply: { status: number; body: { code?: unknown; message?: unknown; details?: unknown } }, field: string, message: string): void {
  expect([reply.status, reply.body.code, reply.body.message, reply.body.details]).toEqual([400, 'validation_failed', message, { fields: [{ field, messages: [message] }] }]);
}

describe('Hostile bodies and queries get a 4xx naming the field, never a server error', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('hostile-input');
    switchboard = switchboardFor(platform, credentials);
    await switchboard.product.init('shop');
    await switchboard.app.create({
      tag: 'stripe',
      envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON' }],
      actions: [{ tag: 'charge', method: 'GET', path: '/charges/:id' }],
    });
    await switchboard.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: [STRIPE_ENV] });
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: 'sk_test_hostile', description: 'Stripe', scope: ['stripe'], envs: ['prd'] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const send = (method: string, path: string, body?: unknown) => gatewayRequest(platform, credentials, method, path, body);

  describe('bodies that are not a JSON object', () => {
    it.each(BODY_ENDPOINTS.flatMap(([method, path]) => NOT_OBJECTS.map(([name, json]) => [method, path, name, json] as const)))(
      '%s %s refuses %s as the body, naming the body',
      async (method, path, _name, json) => {
        const reply = await send(method, path, json);
        expect([reply.status, reply.body.code, reply.body.message, reply.body.details]).toEqual([
          400,
          'validation_failed',
          BODY_MUST_BE_OBJECT,
          { fields: [{ field: 'body', messages: [BODY_MUST_BE_OBJECT] }] },
        ]);
      },
    );

    it.each([
      ['__proto__', '{"key":"PROTO_KEY","value":"v","__proto__":{"polluted":true}}', 'The request body must not have a "__proto__" key'],
      ['constructor.prototype', '{"key":"PROTO_KEY","value":"v","scope":{"constructor":{"prototype":{}}}}', 'The request body must not have a "constructor" key holding "prototype"'],
      // JSON.parse turns the escapes into the key itself, though the text never spells it.
      ['__proto__ spelt with \\u escapes', '{"key":"PROTO_KEY","value":"v","\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true}}', 'The request body must not have a "__proto__" key'],
    ])('refuses a body with a %s key, saying so', async (_key, json, message) => {
      const reply = await send('POST', '/v1/secrets', json);
      expect([reply.status, reply.body.code, reply.body.message, reply.body.details]).toEqual([
        400,
        'validation_failed',
        message,
        { fields: [{ field: 'body', messages: [message] }] },
      ]);
      expect((await send('GET', '/v1/secrets/PROTO_KEY')).status).toBe(404);
    });
  });

  describe('content types', () => {
    it.each(REFUSED_MEDIA)('POST /v1/secrets refuses a body sent as %s with 415 and stores nothing', async (contentType, body, message) => {
      const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/secrets', body, contentType);
      expect([reply.status, reply.body.code, reply.body.message]).toEqual([415, 'unsupported_media_type', message]);
      expect((await send('GET', '/v1/secrets/MEDIA_KEY')).status).toBe(404);
    });

    it.each(BODY_ENDPOINTS)('%s %s refuses a JSON body sent as text/plain with 415', async (method, path) => {
      const reply = await gatewayRequest(platform, credentials, method, path, '{}', 'text/plain');
      expect([reply.status, reply.body.code]).toEqual([415, 'unsupported_media_type']);
    });

    it('accepts application/json with a charset', async () => {
      const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/secrets', JSON.stringify({ key: 'CHARSET_KEY', value: 'v' }), 'application/json; charset=utf-8');
      expect(reply.status).toBe(201);
    });
  });

  describe('deep nesting', () => {
    it.each(BODY_ENDPOINTS.flatMap(([method, path]) => DEPTHS.map((depth) => [method, path, depth] as const)))(
      '%s %s refuses a field nested %i deep with 400',
      async (method, path, depth) => {
        const reply = await send(method, path, withNested('{"a":', depth, '}'));
        expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'a is nested deeper than 64 levels']);
      },
    );

    it.each(FREE_FORM_BODIES.flatMap(([method, path, field, body]) => DEPTHS.map((depth) => [method, path, field, depth, body] as const)))(
      '%s %s refuses its %s nested %i deep with 400',
      async (method, path, field, depth, body) => {
        const reply = await send(method, path, body(depth));
        expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', `${field} is nested deeper than 64 levels`]);
      },
    );

    it('plans a run whose input is nested 64 levels deep', async () => {
      const reply = await send('POST', '/v1/actions/plan', withNested(`${JSON.stringify(RUN).slice(0, -1)},"input":{"params":{"id":"ch_1"},"body":`, 63, '}}'));
      expect([reply.status, reply.body.checks]).toEqual([200, expect.arrayContaining([{ check: 'request encoding', ok: true }])]);
    });
  });

  describe('null in an update', () => {
    it.each(BAD_WEBHOOK_FIELDS)('POST /v1/products/:product/webhooks refuses %j, naming the field, and creates nothing', async (change, field, message) => {
      const body = { name: 'GitHub Webhook', tag: 'github_webhook', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}', ...change };
      expectFieldRefusal(await send('POST', '/v1/products/shop/webhooks', body), field, message);
      expect(await switchboard.product.webhooks.fetchAll()).toEqual([]);
    });

    it.each(SECRET_NULLS)('PATCH /v1/secrets/:key refuses %s: null and changes nothing', async (field, message) => {
      const before = await switchboard.secrets.fetch('STRIPE_KEY');
      const reply = await send('PATCH', '/v1/secrets/STRIPE_KEY', { [field]: null });
      expectFieldRefusal(reply, field, message);
      expect(await switchboard.secrets.fetch('STRIPE_KEY')).toEqual(before);
    });

    it('PATCH /v1/secrets/:key takes expires_at: null as removing the expiry, as documented', async () => {
      await switchboard.secrets.update('STRIPE_KEY', { expires_at: new Date(Date.now() + 86_400_000).toISOString() });
      const reply = await send('PATCH', '/v1/secrets/STRIPE_KEY', { expires_at: null });
      expect([reply.status, reply.body.expires_at]).toEqual([200, null]);
    });

    it.each([
      ['POST', '/v1/secrets/STRIPE_KEY/rotate'],
      ['PUT', '/v1/integrations/secrets/OWN_KEY'],
      ['PUT', '/v1/integrations/networks/shop-net/secrets/NET_KEY'],
    ])('%s %s refuses value: null', async (method, path) => {
      const reply = await send(method, path, { value: null });
      expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'value must not be null']);
    });

    it.each(CONNECTION_ENV_FIELDS)('PATCH /v1/products/:product/connections/:access_tag refuses envs.0.%s: null and changes nothing', async (field) => {
      const before = await switchboard.product.app.fetch('stripe-payments');
      const reply = await send('PATCH', '/v1/products/shop/connections/stripe-payments', { envs: [{ ...STRIPE_ENV, [field]: null }] });
      expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
      expect(reply.body.message).toMatch(new RegExp(`^envs\\.0\\.${field} `));
      expect(reply.body.details).toEqual({ fields: [{ field: `envs.0.${field}`, messages: [reply.body.message] }] });
      expect(await switchboard.product.app.fetch('stripe-payments')).toEqual(before);
    });

    it('PATCH /v1/products/:product/connections/:access_tag takes envs.0.base_url: null as removing the override, as documented', async () => {
      const reply = await send('PATCH', '/v1/products/shop/connections/stripe-payments', { envs: [{ slug: 'prd', base_url: null }] });
      expect([reply.status, (reply.body.envs as { base_url: unknown }[] | undefined)?.[0]?.base_url]).toEqual([200, null]);
      await switchboard.product.app.update('stripe-payments', { envs: [STRIPE_ENV] });
    });

    it('PATCH /v1/products/:product/connections/:access_tag refuses envs: null', async () => {
      const reply = await send('PATCH', '/v1/products/shop/connections/stripe-payments', { envs: null });
      expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'envs must not be null']);
    });

    it.each([
      ['PUT', '/v1/products/empty-envs'],
      ['PATCH', '/v1/products/shop/connections/stripe-payments'],
    ])('%s %s refuses envs: [] in a sentence', async (method, path) => {
      const reply = await send(method, path, { envs: [] });
      expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'envs must contain at least 1 element']);
    });

    it.each(['name', 'description', 'envs'])('PUT /v1/products/:product refuses %s: null and creates nothing', async (field) => {
      const reply = await send('PUT', '/v1/products/null-product', { [field]: null });
      expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
      expect(reply.body.details).toEqual({ fields: [{ field, messages: [reply.body.message] }] });
      expect((await send('GET', '/v1/products/null-product')).status).toBe(404);
    });
  });

  describe('a run input and a fetch', () => {
    it.each(['/v1/actions/run', '/v1/actions/dispatch', '/v1/actions/plan'].flatMap((path) => BAD_INPUTS.map(([input, field, message]) => [path, message, input, field] as const)))(
      '%s refuses with "%s"',
      async (path, message, input, field) => {
        const reply = await send('POST', path, { ...RUN, input });
        expectFieldRefusal(reply, field, message);
      },
    );

    it.each(BAD_FETCHES)('POST /v1/integrations/fetch refuses %j', async (body, field, message) => {
      const reply = await send('POST', '/v1/integrations/fetch', body);
      expectFieldRefusal(reply, field, message);
    });

    it.each(BAD_REPLAY_FILTERS)('POST …/events/replay refuses %j, naming the field', async (body, field, message) => {
      const reply = await send('POST', `${EVENTS}/replay`, body);
      expectFieldRefusal(reply, field, message);
    });
  });

  describe('path params and query values', () => {
    it.each(
      ['/v1/actions/run', '/v1/actions/dispatch', '/v1/actions/plan'].flatMap((path) => BAD_URL_VALUES.map(([input, field, message]) => [path, message, input, field] as const)),
    )('%s refuses with "%s"', async (path, message, input, field) => {
      const reply = await send('POST', path, { ...RUN, input });
      expectFieldRefusal(reply, field, message);
    });

    it('sends strings, numbers and booleans as they read, and a query array as one key per item', async () => {
      const plan = await send('POST', '/v1/actions/plan', { ...RUN, input: { params: { id: 'ch 1' }, query: { expand: ['customer', 'invoice'], limit: 3, live: false } } });
      expect((plan.body.request as { url: string }).url).toBe('https://api.stripe.com/charges/ch%201?expand=customer&expand=invoice&limit=3&live=false');
    });
  });

  describe('list queries', () => {
    it.each(BAD_QUERIES)('GET %s is refused, naming %s', async (path, field, message) => {
      const reply = await send('GET', path);
      expectFieldRefusal(reply, field, message);
    });

    it.each([
      ['/v1/secret-audit', ['key', 'limit']],
      ['/v1/actions/runs', ['product', 'app', 'status', 'limit', 'before', 'after']],
      ['/v1/marketplace/apps', ['search', 'category', 'offset', 'limit']],
      ['/v1/products/{product}/webhooks/{webhook}/events', ['status', 'env', 'limit', 'before', 'after', 'after_sequence']],
    ])('documents the query parameters of GET %s in the OpenAPI document', async (path, names) => {
      const openApi = (await (await fetch(`${platform.url}/docs/json`)).json()) as {
        paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean }[] } }>;
      };
      const parameters = openApi.paths[path]?.get.parameters.filter((parameter) => parameter.in === 'query');
      const documented = parameters?.map(({ name, required }) => ({ name, required })).sort((a, b) => a.name.localeCompare(b.name));
      expect(documented).toEqual(names.sort().map((name) => ({ name, required: false })));
    });

    it.each(['/v1/secret-audit?limit=1&key=STRIPE_KEY', '/v1/actions/runs?limit=1&app=stripe-payments&status=succeeded'])('GET %s answers one page', async (path) => {
      const reply = await send('GET', path);
      expect(reply.status).toBe(200);
      expect(Array.isArray(reply.body)).toBe(true);
      expect((reply.body as unknown as unknown[]).length).toBeLessThanOrEqual(1);
    });
  });

  describe('unknown query parameters', () => {
    const UNKNOWN = 'property foo should not exist';

    // A webhook receipt's query is part of the URL its sender signed (Twilio adds bodySHA256): the signature checks it.
    it.each(ROUTES.filter(([, template]) => template !== '/hooks/{receive_id}'))('%s %s?foo=1 is refused, naming foo', async (method, template) => {
      const reply = await send(method, `${pathOf(template)}?foo=1`, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect([reply.status, reply.body.code, reply.body.message, reply.body.details]).toEqual([400, 'validation_failed', UNKNOWN, { fields: [{ field: 'foo', messages: [UNKNOWN] }] }]);
    });

    it('the table holds every route the gateway documents, so a new route cannot miss the rule unseen', async () => {
      const openApi = (await (await fetch(`${platform.url}/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
      const documented = Object.entries(openApi.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
      const tabled = ROUTES.map(([method, template]) => `${method} ${template}`).filter((route) => !UNDOCUMENTED_ROUTES.includes(route));
      expect(tabled.sort()).toEqual(documented.sort());
    });

    it('GET /v1/secrets?foo=1&bar=2 names both parameters', async () => {
      const reply = await send('GET', '/v1/secrets?foo=1&bar=2');
      expect([reply.status, reply.body.message]).toEqual([400, 'property foo should not exist; property bar should not exist']);
    });
  });
});
