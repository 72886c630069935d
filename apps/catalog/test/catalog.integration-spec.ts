import { ErrorCode, Subjects, type AppListItemView, type AppView, type AppWithActionView, type EnsureProductReply } from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, harnessNatsAccess } from '@switchboard/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';

describe('The catalog service over real NATS and PostgreSQL', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let catalog: ServiceHandle;
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_catalog_${Date.now()}`;

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    catalog = await startService('catalog', { nats: natsServer, env: { DATABASE_URL: database.url } });
    connection = await connectNats(harnessNatsAccess(natsServer), 'catalog-integration-spec');
    nats = new NatsRequester(connection, 5000);
  });

  afterAll(async () => {
    await connection?.close();
    await catalog?.stop();
    await database?.drop();
    await natsServer?.stop();
  });

  const rejection = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

  it('migrates its own schema and nothing else', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'catalog' ORDER BY table_name",
      );
      expect(rows.map((row) => row.table_name)).toEqual(['actions', 'app_envs', 'apps', 'catalog_migrations', 'product_envs', 'products', 'published_templates']);
    } finally {
      await client.end();
    }
  });

  it('creates a product with dev, stg and prd once and returns it unchanged the second time', async () => {
    const first = await nats.request<EnsureProductReply>(Subjects.CatalogProductEnsure, { workspace_id, product_tag: 'shop', product: {} });
    const second = await nats.request<EnsureProductReply>(Subjects.CatalogProductEnsure, {
      workspace_id,
      product_tag: 'shop',
      product: { name: 'ignored on an existing product' },
    });
    expect(first.created).toBe(true);
    expect(first.product.envs.map((env) => env.slug)).toEqual(['dev', 'stg', 'prd']);
    expect(second).toEqual({ product: first.product, created: false });
  });

  it('creates a product once when two first inits race', async () => {
    const ensure = (): Promise<EnsureProductReply> => nats.request(Subjects.CatalogProductEnsure, { workspace_id, product_tag: 'raced', product: {} });
    const replies = await Promise.all([ensure(), ensure(), ensure()]);
    expect(replies.filter((reply) => reply.created)).toHaveLength(1);
    expect(new Set(replies.map((reply) => reply.product.created_at)).size).toBe(1);
  });

  it('creates a product with the envs the caller names', async () => {
    const reply = await nats.request<EnsureProductReply>(Subjects.CatalogProductEnsure, {
      workspace_id,
      product_tag: 'lab',
      product: { envs: [{ slug: 'sandbox', name: 'Sandbox' }, { slug: 'live' }] },
    });
    expect(reply.product.envs).toEqual([
      { slug: 'sandbox', name: 'Sandbox', active: true },
      { slug: 'live', name: 'live', active: true },
    ]);
  });

  it('registers an app with envs and actions in declaration order', async () => {
    const app = await nats.request<AppView>(Subjects.CatalogAppCreate, {
      workspace_id,
      app: {
        tag: 'stripe',
        name: 'Stripe',
        envs: [
          { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON' },
          { slug: 'dev', base_url: 'https://sandbox.stripe.com', request_type: 'FORM', active: false },
        ],
        actions: [{ tag: 'create-charge', method: 'POST', path: '/v1/charges', request_type: 'FORM' }, { tag: 'get-charge', method: 'GET', path: '/v1/charges/:id' }],
      },
    });
    expect(app.envs.map((env) => [env.slug, env.request_type, env.active])).toEqual([
      ['prd', 'JSON', true],
      ['dev', 'FORM', false],
    ]);
    expect(app.actions.map((action) => [action.tag, action.path, action.request_type])).toEqual([
      ['create-charge', '/v1/charges', 'FORM'],
      ['get-charge', '/v1/charges/:id', null],
    ]);
  });

  it('refuses an app with two envs of one slug and stores nothing of it', async () => {
    const error = await rejection(
      nats.request(Subjects.CatalogAppCreate, {
        workspace_id,
        app: {
          tag: 'sendgrid',
          envs: [
            { slug: 'prd', base_url: 'https://api.sendgrid.com', request_type: 'JSON' },
            { slug: 'prd', base_url: 'https://api2.sendgrid.com', request_type: 'JSON' },
          ],
        },
      }),
    );
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, "envs.1.slug 'prd' is already listed at envs.0"]);
    expect((await rejection(nats.request(Subjects.CatalogAppFetch, { workspace_id, app_tag: 'sendgrid' }))).code).toBe(ErrorCode.AppNotFound);
  });

  it('stores an action summary and schemas and gives the app with that one action on catalog.action.fetch', async () => {
    const body = { type: 'object', required: ['amount'], properties: { amount: { type: 'integer', format: 'int64', example: 2000 } }, xml: { name: 'charge' } };
    await nats.request<AppView>(Subjects.CatalogAppCreate, {
      workspace_id,
      app: {
        tag: 'charges',
        actions: [
          { tag: 'create-charge', method: 'POST', path: '/v1/charges', summary: 'Create a charge', schema: { body, responses: { '200': { type: 'object' } } } },
          { tag: 'list-charges', method: 'GET', path: '/v1/charges' },
        ],
      },
    });
    const fetched = await nats.request<AppWithActionView>(Subjects.CatalogActionFetch, { workspace_id, app_tag: 'charges', action_tag: 'create-charge' });
    expect(fetched.action).toEqual({
      tag: 'create-charge',
      method: 'POST',
      path: '/v1/charges',
      request_type: null,
      summary: 'Create a charge',
      has_schema: true,
      description: '',
      schema: { body, responses: { '200': { type: 'object' } } },
    });
    expect(fetched).not.toHaveProperty('actions');
    // The app's own view lists summaries only, and the workspace's list counts them.
    const app = await nats.request<AppView>(Subjects.CatalogAppFetch, { workspace_id, app_tag: 'charges' });
    expect(app.actions).toEqual([
      { tag: 'create-charge', method: 'POST', path: '/v1/charges', request_type: null, summary: 'Create a charge', has_schema: true },
      { tag: 'list-charges', method: 'GET', path: '/v1/charges', request_type: null, summary: '', has_schema: false },
    ]);
    const listed = await nats.request<AppListItemView[]>(Subjects.CatalogAppList, { workspace_id, app_tags: ['charges'] });
    expect(listed).toEqual([expect.objectContaining({ tag: 'charges', action_count: 2 })]);
    expect(listed[0]).not.toHaveProperty('actions');
    const missing = await rejection(nats.request(Subjects.CatalogActionFetch, { workspace_id, app_tag: 'charges', action_tag: 'refund' }));
    expect([missing.code, missing.message]).toEqual([ErrorCode.ActionNotFound, "Action 'refund' not found in app 'charges'"]);
  });

  it('holds 5,000 actions and refuses a change that would make one more with app_too_large, changing nothing', async () => {
    const actions = Array.from({ length: 5000 }, (_, index) => ({ tag: `a${index}`, method: 'GET', path: `/a/${index}` }));
    await nats.request<AppView>(Subjects.CatalogAppCreate, { workspace_id, app: { tag: 'full', actions } }, 60_000);

    const error = await rejection(nats.request(Subjects.CatalogAppUpdate, { workspace_id, app_tag: 'full', app: { actions: [{ tag: 'one-more', method: 'GET', path: '/b' }] } }, 60_000));

    expect([error.code, error.message, error.details]).toEqual([ErrorCode.AppTooLarge, 'actions holds 5001 actions; an app holds at most 5000', { field: 'actions', actions: 5001, max_actions: 5000 }]);
    const [listed] = await nats.request<AppListItemView[]>(Subjects.CatalogAppList, { workspace_id, app_tags: ['full'] });
    expect(listed?.action_count).toBe(5000);
  });

  it('refuses an action schema that is not a JSON Schema, naming its field, and stores nothing of the app', async () => {
    const error = await rejection(
      nats.request(Subjects.CatalogAppCreate, {
        workspace_id,
        app: {
          tag: 'bad-schemas',
          actions: [
            { tag: 'a', method: 'GET', path: '/a', schema: { query: { type: 'object' } } },
            { tag: 'b', method: 'POST', path: '/b', schema: { body: { type: 'object', properties: { amount: { minimum: 'none' } } } } },
          ],
        },
      }),
    );
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, 'actions.1.schema.body is not a valid JSON Schema: schema/properties/amount/minimum must be number']);
    expect((await rejection(nats.request(Subjects.CatalogAppFetch, { workspace_id, app_tag: 'bad-schemas' }))).code).toBe(ErrorCode.AppNotFound);
  });

  it('re-validates payloads itself instead of trusting the sender', async () => {
    const error = await rejection(nats.request(Subjects.CatalogAppFetch, { app_tag: 'stripe' }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain('workspace_id');
  });

  it('ensures a bare app once, even when asked twice at the same moment', async () => {
    const [first, second] = await Promise.all([
      nats.request<AppView>(Subjects.CatalogAppEnsure, { workspace_id, app_tag: 'twilio' }),
      nats.request<AppView>(Subjects.CatalogAppEnsure, { workspace_id, app_tag: 'twilio' }),
    ]);
    expect(second).toEqual(first);
    const all = await nats.request<AppListItemView[]>(Subjects.CatalogAppList, { workspace_id, app_tags: ['twilio'] });
    expect(all).toHaveLength(1);
  });

  it('keeps workspaces apart', async () => {
    const others = await nats.request<AppListItemView[]>(Subjects.CatalogAppList, { workspace_id: `${workspace_id}_other` });
    expect(others).toEqual([]);
    const error = await rejection(nats.request(Subjects.CatalogProductFetch, { workspace_id: `${workspace_id}_other`, product_tag: 'shop' }));
    expect(error.code).toBe(ErrorCode.ProductNotFound);
  });

  it('answers its health subject with the database up', async () => {
    expect(await nats.request(Subjects.CatalogHealthCheck, {})).toEqual({ service: 'catalog', status: 'ok', checks: { database: { status: 'up' } } });
  });
});
