import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SwitchboardError, type Switchboard } from '@switchboard/sdk';
import { largeOpenApiDocument, REPO_ROOT, rejectionOf, startPlatform, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, switchboardFor } from './switchboard-for.js';

const FIXTURES = `${REPO_ROOT}/apps/catalog/test/fixtures/api-documents`;
const fixture = (name: string): string => readFileSync(`${FIXTURES}/${name}`, 'utf8');

/** A small OpenAPI 3.1 document of an orders API served at `baseUrl`; `version` 2 changes one action, adds one, removes one. */
function ordersDocument(baseUrl: string, version: 1 | 2): string {
  const listOrders = {
    operationId: 'list-orders',
    summary: 'List orders',
    description: version === 1 ? 'Every order.' : 'Every order, newest first.',
    responses: { '200': { description: 'The orders' } },
  };
  const getOrder = {
    operationId: 'get-order',
    summary: 'Fetch one order',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'The order' } },
  };
  const cancelOrder = { operationId: 'cancel-order', summary: 'Cancel an order', parameters: getOrder.parameters, responses: { '200': { description: 'Cancelled' } } };
  const createOrder = {
    operationId: 'create-order',
    summary: 'Create an order',
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { item: { type: 'string' } }, required: ['item'] } } } },
    responses: { '201': { description: 'Created' } },
  };
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Orders', version: `${version}.0.0` },
    servers: [{ url: baseUrl }],
    paths: {
      '/orders': version === 1 ? { get: listOrders } : { get: listOrders, post: createOrder },
      '/orders/{id}': version === 1 ? { get: getOrder, delete: cancelOrder } : { get: getOrder },
    },
  });
}

// Importing API documents through the SDK: text and URL sources, preview then commit, re-import with a diff, and a run.
describe('Importing apps from API documents through the SDK', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;
  let thirdParty: Server;
  let baseUrl: string;

  beforeAll(async () => {
    // The orders API the imported actions call, which also serves the documents a URL import downloads.
    thirdParty = createServer((request, response) => {
      if (request.url === '/docs/petstore.yaml') return void response.writeHead(200, { 'content-type': 'application/yaml' }).end(fixture('petstore.swagger-2.0.yaml'));
      if (request.url === '/docs/orders.json') return void response.writeHead(200, { 'content-type': 'application/json' }).end(ordersDocument(baseUrl, 1));
      if (request.method === 'GET' && request.url === '/orders/ord_1') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"ord_1","item":"tea"}');
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    });
    await new Promise<void>((resolve) => thirdParty.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(thirdParty.address() as AddressInfo).port}`;
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    credentials = await platform.createWorkspace('app-import');
    switchboard = switchboardFor(platform, credentials);
  });

  afterAll(async () => {
    await platform?.stop();
    await new Promise((resolve) => thirdParty?.close(resolve));
  });

  it('previews a document sent as text, writing nothing, then commits the same import_id', async () => {
    const preview = await switchboard.app.import.preview(fixture('stripe-like.openapi-3.0.json'), { tag: 'stripe-like' });
    expect([preview.format, preview.version.startsWith('3.0'), preview.app.tag]).toEqual(['openapi', true, 'stripe-like']);
    expect(preview.app.actions.length).toBeGreaterThan(0);
    expect(Object.keys(preview.app.actions[0]).sort()).toEqual(['has_schema', 'method', 'path', 'request_type', 'summary', 'tag']);
    expect(preview.warnings.length).toBeLessThanOrEqual(preview.warning_total);
    expect(await switchboard.app.fetchAll()).toEqual([]);

    const committed = await switchboard.app.import.commit({ import_id: preview.import_id }, { tag: 'stripe-like' });
    expect(committed.import_id).toBe(preview.import_id);
    expect(committed.app.tag).toBe('stripe-like');
    expect(committed.app.actions.map((action) => action.tag)).toEqual(preview.app.actions.map((action) => action.tag));
    expect((await switchboard.app.fetch('stripe-like')).actions).toHaveLength(preview.app.actions.length);
  });

  it('imports a document by URL, downloaded through the executor', async () => {
    const preview = await switchboard.app.import.preview({ url: `${baseUrl}/docs/petstore.yaml` });
    expect(preview).toMatchObject({ format: 'swagger', version: '2.0' });
    const committed = await switchboard.app.import.commit({ url: `${baseUrl}/docs/petstore.yaml` }, { tag: 'petstore', name: 'Pets' });
    expect(committed.app).toMatchObject({ tag: 'petstore', name: 'Pets' });
    expect(committed.app.actions.map((action) => action.tag).sort()).toEqual(preview.app.actions.map((action) => action.tag).sort());
  });

  it('uploads a document as a file (multipart)', async () => {
    const file = new Blob([fixture('shop.postman-2.1.json')], { type: 'application/json' });
    const preview = await switchboard.app.import.preview(file, { tag: 'shop' });
    expect(preview).toMatchObject({ format: 'postman', app: { tag: 'shop' } });
    const committed = await switchboard.app.import.commit(Buffer.from(fixture('shop.postman-2.1.json')), { tag: 'shop' });
    expect(committed.app.actions.map((action) => action.tag)).toEqual(preview.app.actions.map((action) => action.tag));
  });

  it('re-imports a changed document into the same app: the preview shows the diff and the commit applies it', async () => {
    await switchboard.app.import.commit({ url: `${baseUrl}/docs/orders.json` }, { tag: 'orders' });
    const changed = ordersDocument(baseUrl, 2);
    const preview = await switchboard.app.import.preview(changed, { app: 'orders' });
    const expectedDiff = { actions: { added: ['create-order'], changed: ['list-orders'], removed: ['cancel-order'] }, envs: { added: [], changed: [], removed: [] } };
    expect(preview.diff).toMatchObject(expectedDiff);
    expect((await switchboard.app.fetch('orders')).actions.map((action) => action.tag).sort()).toEqual(['cancel-order', 'get-order', 'list-orders']);

    const committed = await switchboard.app.import.commit({ import_id: preview.import_id }, { app: 'orders' });
    expect(committed.diff).toMatchObject(expectedDiff);
    const orders = await switchboard.app.fetch('orders');
    expect(orders.actions.map((action) => action.tag).sort()).toEqual(['create-order', 'get-order', 'list-orders']);
    expect((await switchboard.app.actions.fetch('orders', 'list-orders')).description).toContain('newest first');
  });

  it('imports a document of 3,000 operations whole: every action listed as a summary, each one whole on its own', async () => {
    const preview = await switchboard.app.import.preview(largeOpenApiDocument(600), { tag: 'large-api' });
    expect(preview.app.actions).toHaveLength(3000);
    expect(preview.warnings.map((warning) => warning.code)).not.toContain('too_many_operations');

    const committed = await switchboard.app.import.commit({ import_id: preview.import_id }, { tag: 'large-api' });
    expect(committed.app.actions.map((action) => action.tag)).toEqual(preview.app.actions.map((action) => action.tag));
    expect(committed.app.actions[0]).toEqual({ tag: 'get0s', method: 'GET', path: '/v1/resource_0s', request_type: null, summary: 'List all resource_0s', has_schema: true });
    const whole = await switchboard.app.actions.fetch('large-api', 'post599s');
    expect([whole.request_type, Object.keys(whole.schema).sort()]).toEqual(['FORM', ['body', 'responses']]);
    expect((await switchboard.app.fetchAll()).find((app) => app.tag === 'large-api')).toMatchObject({ action_count: 3000 });
  });

  it('runs an imported action against the API the document describes', async () => {
    await switchboard.product.init('shopfront');
    await switchboard.product.app.add({ access_tag: 'orders', app: 'orders', envs: [{ product_env_slug: 'prd', app_env_slug: 'production', active: true }] });
    const run = await switchboard.actions.run({ env: 'prd', product: 'shopfront', app: 'orders', event: 'get-order', input: { params: { id: 'ord_1' } } });
    expect([run.status, run.body]).toEqual([200, { id: 'ord_1', item: 'tea' }]);
  });

  describe('refusals, each creating nothing', () => {
    let appsBefore: string[];

    beforeEach(async () => {
      appsBefore = (await switchboard.app.fetchAll()).map((app) => app.tag);
    });

    afterEach(async () => {
      expect((await switchboard.app.fetchAll()).map((app) => app.tag)).toEqual(appsBefore);
    });

    it('refuses an unparseable document with the line and column of the mistake', async () => {
      const refused = await rejectionOf(switchboard.app.import.commit('openapi: 3.1.0\ninfo: [unclosed\n', { tag: 'broken' }), SwitchboardError);
      expect([refused.status, refused.code]).toEqual([400, 'document_invalid']);
      expect(refused.message).toMatch(/line \d+, column \d+/);
    });

    it('refuses an unsupported version', async () => {
      const refused = await rejectionOf(switchboard.app.import.preview(JSON.stringify({ swagger: '1.2', info: { title: 'Old' }, paths: {} })), SwitchboardError);
      expect([refused.status, refused.code, refused.message]).toEqual([400, 'document_unsupported', 'Swagger 1.2 is not supported: import a Swagger 2.0 or an OpenAPI 3.x document']);
    });

    it('refuses a document over 10 MiB with 413 before storing it', async () => {
      const huge = `{"openapi":"3.1.0","x-padding":"${'a'.repeat(10 * 1024 * 1024)}"}`;
      const refused = await rejectionOf(switchboard.app.import.commit(huge, { tag: 'huge' }), SwitchboardError);
      expect([refused.status, refused.code]).toEqual([413, 'document_too_large']);
      expect(refused.details).toMatchObject({ bytes: Buffer.byteLength(huge), max_bytes: 10 * 1024 * 1024 });
    });

    it('refuses a URL the address policy refuses', async () => {
      const refused = await rejectionOf(switchboard.app.import.preview({ url: 'http://169.254.169.254/openapi.json' }), SwitchboardError);
      expect(refused.code).toBe('outbound_address_refused');
    });

    it('refuses a tag the workspace already has with app_tag_taken', async () => {
      const refused = await rejectionOf(switchboard.app.import.commit(ordersDocument(baseUrl, 1), { tag: 'orders' }), SwitchboardError);
      expect([refused.status, refused.code]).toEqual([409, 'app_tag_taken']);
      expect((await switchboard.app.fetch('orders')).actions.map((action) => action.tag).sort()).toEqual(['create-order', 'get-order', 'list-orders']);
    });

    it('refuses an import_id that names no stored document with 404', async () => {
      const refused = await rejectionOf(switchboard.app.import.commit({ import_id: '00000000-0000-4000-8000-000000000000' }), SwitchboardError);
      expect([refused.status, refused.code]).toEqual([404, 'import_not_found']);
    });

    it('refuses a body with no source or two, naming the fields', async () => {
      const none = await gatewayRequest(platform, credentials, 'POST', '/v1/apps/import', { tag: 'nothing' });
      expect([none.status, none.body.code, none.body.message]).toEqual([400, 'validation_failed', expect.stringContaining('one of document, url, import_id is required')]);
      const two = await gatewayRequest(platform, credentials, 'POST', '/v1/apps/import/preview', { document: '{}', url: `${baseUrl}/docs/orders.json` });
      expect([two.status, two.body.code, two.body.message]).toEqual([400, 'validation_failed', expect.stringContaining('must not be sent with')]);
    });

    it('refuses a malformed upload with 400', async () => {
      const broken = await gatewayRequest(platform, credentials, 'POST', '/v1/apps/import', '--x\r\ncontent-disposition: form-data; name="document"', 'multipart/form-data; boundary=x');
      expect([broken.status, broken.body.code]).toEqual([400, 'validation_failed']);
    });

    it('keeps every other route JSON-only', async () => {
      const form = await gatewayRequest(platform, credentials, 'POST', '/v1/apps', 'tag=x', 'multipart/form-data; boundary=x');
      expect([form.status, form.body.code]).toEqual([415, 'unsupported_media_type']);
    });
  });
});
