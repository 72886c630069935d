import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_LIMITS, CreateAppBody, ErrorCode } from '@switchboard/contracts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DomainError, validatePayload } from '@switchboard/platform';
import { largeOpenApiDocument, rejectionOf, REPO_ROOT } from '@switchboard/testing';
import { assertWithinAppLimits } from '../apps/app-size.js';
import type { ImportedApp } from './imported-app.js';
import { readApiDocument } from './read-api-document.js';

// Jest gives the test realm Node's own structuredClone, whose copies belong to the outer realm; the OpenAPI parser
// tells objects by their prototype, so it would not recognise its own copies. A same-realm clone stands in for it.
globalThis.structuredClone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const FIXTURES = join(REPO_ROOT, 'apps/catalog/test/fixtures/api-documents');
const OAS_EXAMPLES = join(REPO_ROOT, 'node_modules/@readme/oas-examples');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const actionOf = (imported: ImportedApp, tag: string) => imported.app.actions?.find((action) => action.tag === tag);
const codesOf = (imported: ImportedApp): string[] => imported.warnings.map((warning) => warning.code);
const failureOf = (text: string): Promise<DomainError> => rejectionOf(readApiDocument(text), DomainError);
const openapi = (extra: object): string => JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, servers: [{ url: 'https://t.example' }], paths: {}, ...extra });

/**
 * `text` (an OpenAPI document) with what the action budget counts of its operations (tags, paths, summaries) and
 * without their bodies, responses and shared schemas. Reading schemas is what the other documents here test;
 * validating and dereferencing 5,000 operations' worth of them took most of this spec's half a minute and proved
 * nothing more about the budget.
 */
function operationsOnly(text: string): string {
  type Operation = { operationId?: string; summary?: string };
  const document = JSON.parse(text) as { paths: Record<string, Record<string, Operation>> };
  const responses = { 200: { description: 'ok' } };
  const slim = ([key, value]: [string, Operation]) => (key === 'parameters' ? [key, value] : [key, { operationId: value.operationId, summary: value.summary, responses }]);
  const paths = Object.fromEntries(Object.entries(document.paths).map(([path, item]) => [path, Object.fromEntries(Object.entries(item).map(slim))]));
  return JSON.stringify({ ...document, components: undefined, paths });
}

describe('readApiDocument on a Stripe-like OpenAPI 3.0 document', () => {
  let imported: ImportedApp;
  beforeAll(async () => {
    imported = await readApiDocument(fixture('stripe-like.openapi-3.0.json'));
  });

  it('names the app from the title and its env from the one server, without the trailing slash', () => {
    expect([imported.format, imported.version, imported.app.tag, imported.app.name]).toEqual(['openapi', '3.0.0', 'stripe-api', 'Stripe API']);
    expect(imported.app.envs).toEqual([{ slug: 'production', base_url: 'https://api.stripe.com', request_type: 'FORM' }]);
  });

  it('makes one action per operation, tagged from its operationId, with :params and the form encoding', () => {
    expect(imported.app.actions?.map((action) => [action.tag, action.method, action.path, action.request_type ?? null])).toEqual([
      ['get-charges', 'GET', '/v1/charges', null],
      ['post-charges', 'POST', '/v1/charges', 'FORM'],
      ['get-charges-charge', 'GET', '/v1/charges/:charge', null],
      ['post-charges-charge', 'POST', '/v1/charges/:charge', 'FORM'],
      ['post-charges-charge-capture', 'POST', '/v1/charges/:charge/capture', 'FORM'],
      ['delete-customers-customer', 'DELETE', '/v1/customers/:customer', null],
    ]);
    expect(actionOf(imported, 'get-charges')?.summary).toBe('List all charges');
    expect(actionOf(imported, 'get-charges')?.description).toBe("Returns a list of charges you've previously created.");
  });

  it('turns the form body, its refs and anyOf into JSON Schema 2020-12 without OpenAPI keywords', () => {
    expect(actionOf(imported, 'post-charges')?.schema?.body).toEqual({
      type: 'object',
      required: ['amount', 'currency'],
      additionalProperties: false,
      properties: {
        amount: { type: 'integer', minimum: 50 },
        currency: { type: 'string', format: 'currency', pattern: '^[a-z]{3}$', examples: ['usd'] },
        customer: { type: 'string', maxLength: 500 },
        description: { type: 'string', maxLength: 40000 },
        capture: { type: 'boolean' },
        metadata: { anyOf: [{ type: 'object', additionalProperties: { type: 'string', maxLength: 500 } }, { type: 'string', enum: [''] }] },
      },
    });
  });

  it('groups parameters by where they go, path-level ones included, a header from a shared component too', () => {
    const retrieve = actionOf(imported, 'get-charges-charge')?.schema;
    expect(retrieve?.params).toEqual({ type: 'object', properties: { charge: { type: 'string', maxLength: 5000 } }, required: ['charge'] });
    expect(retrieve?.query).toEqual({
      type: 'object',
      properties: { expand: { type: 'array', items: { type: 'string', maxLength: 5000 }, description: 'Specifies which fields in the response should be expanded.' } },
    });
    expect(actionOf(imported, 'post-charges')?.schema?.headers).toEqual({ type: 'object', properties: { 'Idempotency-Key': { type: 'string', maxLength: 255 } } });
  });

  it('keeps response schemas by status, allOf and oneOf resolved, nullable as a null type', () => {
    const responses = actionOf(imported, 'get-charges')?.schema?.responses ?? {};
    expect(Object.keys(responses)).toEqual(['200', 'default']);
    const list = responses['200'] as { allOf: { properties?: { data?: { items?: { properties?: Record<string, unknown> } } } }[] };
    const charge = list.allOf[1].properties!.data!.items!.properties!;
    expect(charge.customer).toMatchObject({ anyOf: [{ type: 'string', maxLength: 5000 }, { title: 'Customer' }, { required: ['id', 'deleted'] }] });
    expect(charge.payment_method_details).toMatchObject({ oneOf: [{ required: ['type'] }, { required: ['type'] }] });
    expect(charge.payment_method_details).not.toHaveProperty('discriminator');
    expect(JSON.stringify(responses)).not.toMatch(/"\$ref"|"x-|"nullable"/);
    expect(Object.keys(actionOf(imported, 'post-charges')?.schema?.responses ?? {})).toEqual(['200', '4XX']);
  });

  it('maps http basic and bearer to auth schemes and warns about nothing', () => {
    expect(imported.app.auth).toEqual([{ tag: 'basic-auth', type: 'basic' }, { tag: 'bearer-auth', type: 'bearer' }]);
    expect(imported.warnings).toEqual([]);
  });
});

describe('readApiDocument on an OpenAPI 3.1 document with several servers and security schemes', () => {
  let imported: ImportedApp;
  beforeAll(async () => {
    imported = await readApiDocument(fixture('multi-server.openapi-3.1.yaml'));
  });

  it('makes one env per absolute server, variables filled with their defaults, slugs from descriptions', () => {
    expect(imported.app.envs).toEqual([
      { slug: 'production', base_url: 'https://eu.api.acme.example/v2', request_type: 'JSON' },
      { slug: 'sandbox', base_url: 'https://sandbox.acme.example/v2', request_type: 'JSON' },
      { slug: 'dedicated-tenant', base_url: 'https://acme.acme.example', request_type: 'JSON' },
    ]);
    expect(imported.warnings).toContainEqual({ code: 'server_not_absolute', message: 'The server URL /relative/v2 is not an absolute http(s) URL; it was left out of the app envs', pointer: '/servers/3' });
  });

  it('maps API keys, OAuth2 client credentials and authorization code (as refresh token, with a warning)', () => {
    expect(imported.app.auth).toEqual([
      { tag: 'api-key-header', type: 'api_key', in: 'header', name: 'X-Acme-Key' },
      { tag: 'api-key-query', type: 'api_key', in: 'query', name: 'api_key' },
      { tag: 'oauth', type: 'oauth2_client_credentials', token_url: 'https://auth.acme.example/oauth/token', scopes: ['payouts:read', 'payouts:write'] },
      { tag: 'oauth-authorization-code', type: 'oauth2_refresh_token', token_url: 'https://eu.api.acme.example/oauth/token', scopes: ['payouts:read'] },
    ]);
    expect(imported.warnings).toEqual(
      expect.arrayContaining([
        { code: 'oauth2_authorization_code', message: 'The OAuth2 authorization code flow of oauth was imported as oauth2_refresh_token: a connection brings a refresh token obtained outside Switchboard', pointer: '/components/securitySchemes/oauth/flows/authorizationCode' },
        { code: 'unsupported_security', message: 'The security scheme openId is of type openIdConnect, which Switchboard does not support; it was left out', pointer: '/components/securitySchemes/openId' },
        { code: 'unsupported_security', message: 'The API key scheme sessionCookie is sent in cookie; only header and query keys are supported, so it was left out', pointer: '/components/securitySchemes/sessionCookie' },
      ]),
    );
  });

  it('renames a path parameter the executor cannot read, encodes a literal colon and makes duplicate tags unique', () => {
    expect(imported.app.actions?.map((action) => [action.tag, action.method, action.path, action.request_type ?? null])).toEqual([
      ['create-payout', 'POST', '/payouts', 'JSON'],
      ['get-payout', 'GET', '/payouts/:payout_id', null],
      ['create-payout-2', 'POST', '/payouts/:id%3Acancel', null],
      ['post-reports', 'POST', '/reports', 'TEXT'],
    ]);
    expect(actionOf(imported, 'get-payout')?.schema?.params).toEqual({ type: 'object', properties: { payout_id: { type: 'string', format: 'uuid', description: "The payout's id." } }, required: ['payout_id'] });
    expect(actionOf(imported, 'create-payout')?.schema?.headers).toEqual({ type: 'object', properties: { 'Idempotency-Key': { type: 'string' } }, required: ['Idempotency-Key'] });
  });

  it('warns about cookies, callbacks, webhooks, operation servers, TRACE and operation ids, with pointers', () => {
    expect(imported.warnings).toEqual(
      expect.arrayContaining([
        { code: 'callbacks', message: 'Callbacks describe calls the API makes back; they were not imported', pointer: '/paths/~1payouts/post/callbacks' },
        { code: 'cookie_parameter', message: 'The cookie parameter session was not imported: actions send no cookies', pointer: '/paths/~1payouts/post' },
        { code: 'operation_servers', message: 'This operation names its own servers; its action calls the app envs instead', pointer: '/paths/~1payouts~1{payout-id}/get' },
        { code: 'duplicate_operation_id', message: 'The operationId createPayout is used more than once; the action tags were made unique with a suffix', pointer: '/paths/~1payouts~1{id}:cancel/post/operationId' },
        { code: 'unsupported_method', message: 'TRACE /payouts/{id}:cancel was not imported: actions use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS', pointer: '/paths/~1payouts~1{id}:cancel/trace' },
        { code: 'missing_operation_id', message: 'POST /reports has no operationId; its action tag post-reports comes from its method and path', pointer: '/paths/~1reports/post' },
        { code: 'webhooks', message: 'Webhooks describe calls the API makes, not calls to it; they were not imported', pointer: '/webhooks' },
      ]),
    );
  });
});

describe('readApiDocument on a Swagger 2.0 YAML document', () => {
  let imported: ImportedApp;
  beforeAll(async () => {
    imported = await readApiDocument(fixture('petstore.swagger-2.0.yaml'), { tag: 'pets', name: 'Pets' });
  });

  it('takes the tag and name given over the title, and envs from host, basePath and schemes', () => {
    expect([imported.format, imported.version, imported.app.tag, imported.app.name]).toEqual(['swagger', '2.0', 'pets', 'Pets']);
    expect(imported.app.envs?.map((env) => [env.slug, env.base_url])).toEqual([
      ['production', 'https://petstore.example.com/v2'],
      ['petstore-example-com', 'http://petstore.example.com/v2'],
    ]);
  });

  it('reads body, formData and file parameters as JSON, form and multipart bodies', () => {
    expect(imported.app.actions?.map((action) => [action.tag, action.path, action.request_type ?? null])).toEqual([
      ['add-pet', '/pet', 'JSON'],
      ['get-pet-by-id', '/pet/:petId', null],
      ['update-pet-with-form', '/pet/:petId', 'FORM'],
      ['upload-file', '/pet/:petId/uploadImage', 'MULTIPART'],
      ['get-pet-find-by-status', '/pet/findByStatus', null],
    ]);
    expect(actionOf(imported, 'update-pet-with-form')?.schema?.body).toMatchObject({ type: 'object', properties: { name: { type: 'string' }, status: { type: 'string' } } });
    expect(actionOf(imported, 'add-pet')?.schema?.body).toMatchObject({ required: ['name', 'photoUrls'], properties: { category: { type: 'object' }, name: { examples: ['doggie'] } } });
  });

  it('maps securityDefinitions and leaves the implicit flow out with a warning', () => {
    expect(imported.app.auth).toEqual([
      { tag: 'api_key', type: 'api_key', in: 'header', name: 'api_key' },
      { tag: 'partner_auth', type: 'oauth2_client_credentials', token_url: 'https://petstore.example.com/oauth/token', scopes: ['read:pets'] },
      { tag: 'basic', type: 'basic' },
    ]);
    expect(imported.warnings).toContainEqual({ code: 'unsupported_security', message: 'The OAuth2 implicit flow of petstore_auth is not supported (only clientCredentials and authorizationCode); it was left out', pointer: '/components/securitySchemes/petstore_auth/flows/implicit' });
  });
});

describe('readApiDocument on circular references', () => {
  it('cuts each cycle where it repeats, warns once per reference and operation, and keeps the rest', async () => {
    const imported = await readApiDocument(fixture('circular.openapi-3.0.json'));
    expect(actionOf(imported, 'put-node')?.schema?.body).toEqual({
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, parent: {}, children: { type: 'array', items: {} } },
    });
    expect(imported.warnings).toEqual([
      { code: 'circular_ref', message: 'The circular reference #/components/schemas/Node was cut where it repeats, first at schema.responses.200.properties.parent (there it accepts any value)', pointer: '/paths/~1nodes~1{id}/get' },
      { code: 'circular_ref', message: 'The circular reference #/components/schemas/Node was cut where it repeats, first at schema.body.properties.parent (there it accepts any value)', pointer: '/paths/~1nodes~1{id}/put' },
      { code: 'circular_ref', message: 'The circular reference #/components/schemas/Person was cut where it repeats, first at schema.body.properties.manager.allOf.0 (there it accepts any value)', pointer: '/paths/~1people/post' },
    ]);
  });

  it('cuts a schema nested deeper than 50 levels once, with a warning', async () => {
    let deep: object = { type: 'string' };
    for (let level = 0; level < 40; level += 1) deep = { type: 'object', properties: { next: deep } };
    const imported = await readApiDocument(openapi({ paths: { '/deep': { post: { operationId: 'deep', requestBody: { content: { 'application/json': { schema: deep } } }, responses: { 204: { description: 'ok' } } } } } }));
    expect(JSON.stringify(imported.app.actions?.[0]?.schema?.body).match(/next/g)).toHaveLength(25);
    expect(codesOf(imported)).toEqual(['schema_too_deep']);
  });
});

describe('readApiDocument warnings about what a document lacks', () => {
  it('warns that a document without servers gives an app without envs', async () => {
    const imported = await readApiDocument(JSON.stringify({ openapi: '3.1.0', info: { title: 'No servers', version: '1' }, paths: { '/a': { get: { operationId: 'a', responses: { 200: { description: 'ok' } } } } } }));
    expect(imported.app.envs).toEqual([]);
    expect(imported.warnings).toEqual([{ code: 'missing_servers', message: 'The document lists no servers, so the app has no envs: add one with the API base URL', pointer: '/servers' }]);
  });

  it('warns about a reference it cannot resolve and reads it as any value', async () => {
    const imported = await readApiDocument(openapi({ paths: { '/a': { post: { operationId: 'a', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } }, responses: { 204: { description: 'ok' } } } } } }));
    expect(imported.warnings).toEqual([{ code: 'unresolved_ref', message: "Can't resolve reference: #/components/schemas/Missing; it was read as accepting any value" }]);
    expect(imported.app.actions?.[0]?.schema?.body).toEqual({});
  });
});

describe('readApiDocument on schemas the run path could not compile', () => {
  it('leaves out a pattern that is not a Unicode regular expression and a schema of an older draft, with warnings', async () => {
    const body = { type: 'object', properties: { code: { type: 'string', pattern: '^{x}$' }, n: { type: 'integer', maximum: 5, exclusiveMaximum: true } } };
    const imported = await readApiDocument(JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, servers: [{ url: 'https://t.example' }], paths: { '/a': { post: { operationId: 'a', requestBody: { content: { 'application/json': { schema: body } } }, responses: { 204: { description: 'ok' } } } } } }));
    expect(imported.app.actions?.[0]?.schema).toEqual({ body: {} });
    expect(imported.warnings).toEqual([
      { code: 'pattern_unsupported', message: 'schema.body.properties.code.pattern is not a valid Unicode regular expression (Invalid regular expression: /^{x}$/u: Lone quantifier brackets); it was left out', pointer: '/paths/~1a/post' },
      { code: 'schema_invalid', message: 'schema.body is not a valid JSON Schema 2020-12 (schema.body/properties/n/exclusiveMaximum must be number); it was left out (it accepts any value)', pointer: '/paths/~1a/post' },
    ]);
  });
});

describe('readApiDocument on a Postman Collection v2.1', () => {
  let imported: ImportedApp;
  beforeAll(async () => {
    imported = await readApiDocument(fixture('shop.postman-2.1.json'));
  });

  it('takes the env from the baseUrl variable and walks the folders for requests', () => {
    expect([imported.format, imported.version, imported.app.tag, imported.app.name, imported.app.description]).toEqual(['postman', '2.1.0', 'shop-api', 'Shop API', 'Orders and customers of the shop.']);
    expect(imported.app.envs).toEqual([{ slug: 'production', base_url: 'https://api.shop.example/v1', request_type: 'JSON' }]);
    expect(imported.app.actions?.map((action) => [action.tag, action.method, action.path, action.request_type ?? null])).toEqual([
      ['list-orders', 'GET', '/orders', null],
      ['create-order', 'POST', '/orders', 'JSON'],
      ['get-order', 'GET', '/orders/:orderId', null],
      ['refund-order', 'POST', '/orders/:orderId/refunds', 'FORM'],
      ['upload-avatar', 'PUT', '/customers/:customerId/avatar', 'MULTIPART'],
      ['search-customers', 'POST', '/graphql', 'JSON'],
      ['status-page', 'GET', '/health', null],
    ]);
  });

  it('describes enabled query parameters, headers and urlencoded fields, not disabled ones', () => {
    expect(actionOf(imported, 'list-orders')?.schema).toEqual({
      query: { type: 'object', properties: { status: { type: 'string', description: 'open, paid or cancelled' }, limit: { type: 'string' } } },
      headers: { type: 'object', properties: { 'X-Request-Id': { type: 'string', description: 'Traces the request.' } } },
    });
    expect(actionOf(imported, 'refund-order')?.schema?.body).toEqual({ type: 'object', properties: { amount: { type: 'string', description: 'In cents.' }, reason: { type: 'string' } } });
  });

  it('collects collection, folder and request auth as schemes, leaving digest out with a warning', () => {
    expect(imported.app.auth).toEqual([
      { tag: 'api-key', type: 'api_key', in: 'header', name: 'X-Shop-Key' },
      { tag: 'oauth2', type: 'oauth2_client_credentials', token_url: 'https://auth.shop.example/oauth/token', scopes: ['refunds:write', 'refunds:read'], client_auth: 'basic' },
      { tag: 'bearer', type: 'bearer' },
    ]);
    expect(imported.warnings).toEqual([
      { code: 'other_base_url', message: "This request calls https://status.shop.example, not the app's base URL https://api.shop.example/v1; its action keeps only its path", pointer: '/item/1/item/2' },
      { code: 'unsupported_security', message: 'The digest auth is not supported (API key, bearer, basic and OAuth2 are); it was left out', pointer: '/item/1/item/2/request/auth' },
    ]);
  });
});

describe('readApiDocument on documents it cannot read', () => {
  it.each([
    ['', ErrorCode.DocumentInvalid, 'The document is empty'],
    ['{"openapi": "3.0.0",\n "info": {"title": "x"\n "paths": {}}', ErrorCode.DocumentInvalid, 'The document is not valid JSON or YAML: Missing , between flow map items at line 3, column 2'],
    ['openapi: 3.0.0\ninfo:\n  title: [x\npaths: {}\n', ErrorCode.DocumentInvalid, 'The document is not valid JSON or YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 4, column 1'],
    ['openapi: 3.0.0\nopenapi: 3.1.0\n', ErrorCode.DocumentInvalid, 'The document is not valid JSON or YAML: Map keys must be unique at line 2, column 1'],
    ['- just\n- a list\n', ErrorCode.DocumentInvalid, 'The document must be a JSON or YAML object (an OpenAPI, Swagger or Postman document)'],
    [JSON.stringify({ openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a': { get: { responses: { 200: {} } } } } }), ErrorCode.DocumentInvalid, "The document is not a valid OpenAPI 3.0.3 document: oneOf must match exactly one schema in oneOf at /paths/~1a/get/responses/200"],
    [JSON.stringify({ swagger: '2.0', info: { title: 'x', version: '1' } }), ErrorCode.DocumentInvalid, "The document is not a valid Swagger 2.0 document: must have required property 'paths'"],
    [JSON.stringify({ info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: {} }), ErrorCode.DocumentInvalid, 'The Postman collection is not valid: item must be a list of requests and folders at /item'],
    [JSON.stringify({ openapi: '3.2.0', info: { title: 'x', version: '1' }, paths: {} }), ErrorCode.DocumentUnsupported, 'OpenAPI 3.2.0 is not supported: import an OpenAPI 3.0 or 3.1 document'],
    ['swagger: "1.2"\n', ErrorCode.DocumentUnsupported, 'Swagger 1.2 is not supported: import a Swagger 2.0 or an OpenAPI 3.x document'],
    [JSON.stringify({ info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' }, item: [] }), ErrorCode.DocumentUnsupported, 'Postman Collection v2.0.0 is not supported: export the collection as v2.1'],
    ['{"asyncapi": "2.6.0"}', ErrorCode.DocumentUnsupported, 'The document is not an OpenAPI 3.x, Swagger 2.0 or Postman Collection v2.1 document: it has no openapi, swagger or info.schema field'],
  ])('refuses %j', async (text, code, message) => {
    const error = await failureOf(text);
    expect([error.code, error.message]).toEqual([code, message]);
  });
});

describe('readApiDocument output', () => {
  const examples = ['2.0', '3.0', '3.1'].flatMap((version) =>
    readdirSync(join(OAS_EXAMPLES, version, 'json'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => `${version}/json/${name}`),
  );
  const corpus = [
    ...readdirSync(FIXTURES).map((name) => join(FIXTURES, name)),
    ...examples.map((name) => join(OAS_EXAMPLES, name)),
  ];

  // As the run path compiles them; formats OpenAPI adds (int32, currency…) are annotations there, not refusals.
  const ajv = new Ajv2020({ strict: false, logger: false });

  it.each(corpus)('passes the validation of POST /v1/apps and compiles with Ajv for %s', async (path) => {
    const { app } = await readApiDocument(readFileSync(path, 'utf8'));
    await expect(validatePayload(CreateAppBody, app)).resolves.toBeInstanceOf(CreateAppBody);
    for (const { schema } of app.actions ?? []) {
      for (const part of [schema?.params, schema?.query, schema?.headers, schema?.body, ...Object.values(schema?.responses ?? {})]) {
        if (part !== undefined) expect(typeof ajv.compile(part)).toBe('function');
      }
    }
  });

  it('imports 5,000 operations whole and leaves out those past them, saying so first of all warnings', async () => {
    const imported = await readApiDocument(operationsOnly(largeOpenApiDocument(1001)));

    expect(imported.app.actions).toHaveLength(APP_LIMITS.actions);
    expect(imported.warnings[0]).toEqual({ code: 'too_many_operations', message: 'The document has 5005 operations; an app holds at most 5000 actions, so only the first 5000 became actions', pointer: '/paths' });
    expect(() => assertWithinAppLimits(imported.app)).not.toThrow();
    await expect(validatePayload(CreateAppBody, imported.app)).resolves.toBeInstanceOf(CreateAppBody);
  });

  it('stops where the summaries an app view lists would pass their byte budget, so the app is never refused', async () => {
    const summary = 'Lists things. '.repeat(35).trim();
    const paths = Object.fromEntries(Array.from({ length: 2000 }, (_, index) => [`/things_${index}`, { get: { operationId: `list-things-${index}`, summary, responses: { 200: { description: 'ok' } } } }]));
    const imported = await readApiDocument(JSON.stringify({ openapi: '3.1.0', info: { title: 'Wordy', version: '1' }, servers: [{ url: 'https://wordy.example' }], paths }));

    const kept = imported.app.actions?.length ?? 0;
    expect(kept).toBeGreaterThan(1000);
    expect(kept).toBeLessThan(2000);
    expect(imported.warnings[0]).toEqual({
      code: 'too_many_operations',
      message: `The document has 2000 operations; an app view lists its actions' tags, paths and summaries in at most ${APP_LIMITS.actionSummaryBytes} bytes, so only the first ${kept} became actions`,
      pointer: '/paths',
    });
    expect(() => assertWithinAppLimits(imported.app)).not.toThrow();
  });
});
