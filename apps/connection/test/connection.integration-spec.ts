import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, Events, Subjects, type AccessTagReply, type AppView, type ConnectionView } from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, harnessNatsAccess } from '@switchboard/testing';

describe('The connection service over real NATS and PostgreSQL, asking the real catalog', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let services: ServiceHandle[] = [];
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_connection_${Date.now()}`;
  const env = { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true };

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    services = await Promise.all([
      startService('catalog', { nats: natsServer, env: { DATABASE_URL: database.url } }),
      startService('connection', { nats: natsServer, env: { DATABASE_URL: database.url } }),
    ]);
    connection = await connectNats(harnessNatsAccess(natsServer), 'connection-integration-spec');
    nats = new NatsRequester(connection, 5000);
    await nats.request(Subjects.CatalogProductEnsure, { workspace_id, product_tag: 'shop', product: {} });
    await nats.request(Subjects.CatalogAppEnsure, { workspace_id, app_tag: 'stripe' });
  });

  afterAll(async () => {
    await connection?.close();
    await Promise.all(services.map((service) => service.stop()));
    await database?.drop();
    await natsServer?.stop();
  });

  const rejection = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

  it('creates a connection and publishes events.connection.connection.created', async () => {
    const subscription = connection.subscribe(Events.ConnectionCreated, { max: 1 });
    const created = await nats.request<ConnectionView>(Subjects.ConnectionCreate, {
      workspace_id,
      product_tag: 'shop',
      connection: { access_tag: 'stripe-payments', app: 'stripe', envs: [env] },
    });
    expect(created).toMatchObject({ access_tag: 'stripe-payments', app: 'stripe', product: 'shop', envs: [{ slug: 'prd', app_env_slug: 'prd' }] });
    for await (const message of subscription) {
      expect(message.json()).toMatchObject({ workspace_id, product: 'shop', access_tag: 'stripe-payments' });
    }
  });

  it('connects an app connected before under the next free access tag', async () => {
    const reply = await nats.request<AccessTagReply>(Subjects.ConnectionAppConnect, { workspace_id, product_tag: 'shop', app_tag: 'stripe' });
    expect(reply.access_tag).toBe('stripe');
    await nats.request(Subjects.ConnectionCreate, { workspace_id, product_tag: 'shop', connection: { access_tag: 'stripe', app: 'stripe', envs: [env] } });
    const next = await nats.request<AccessTagReply>(Subjects.ConnectionAppConnect, { workspace_id, product_tag: 'shop', app_tag: 'stripe' });
    expect(next.access_tag).toBe('stripe-2');
  });

  it('registers in the catalog a bare app nobody has registered and no marketplace template has when it is connected', async () => {
    const reply = await nats.request<AccessTagReply>(Subjects.ConnectionAppConnect, { workspace_id, product_tag: 'shop', app_tag: 'acme-crm' });
    expect(reply.access_tag).toBe('acme-crm');
    expect(await nats.request<AppView>(Subjects.CatalogAppFetch, { workspace_id, app_tag: 'acme-crm' })).toMatchObject({ tag: 'acme-crm', envs: [], actions: [], template: null });
  });

  it("installs the marketplace template of the tag when it connects an app the workspace does not have", async () => {
    await nats.request<AccessTagReply>(Subjects.ConnectionAppConnect, { workspace_id, product_tag: 'shop', app_tag: 'sendgrid' });
    const app = await nats.request<AppView>(Subjects.CatalogAppFetch, { workspace_id, app_tag: 'sendgrid' });
    expect(app).toMatchObject({ tag: 'sendgrid', template: { tag: 'sendgrid' } });
    expect(app.actions.length).toBeGreaterThan(0);
  });

  it('registers no app when connecting to a product the catalog does not know', async () => {
    const error = await rejection(nats.request(Subjects.ConnectionAppConnect, { workspace_id, product_tag: 'ghost', app_tag: 'mailgun' }));
    expect([error.code, error.message]).toEqual([ErrorCode.ProductNotFound, "Product 'ghost' not found"]);
    const missing = await rejection(nats.request(Subjects.CatalogAppFetch, { workspace_id, app_tag: 'mailgun' }));
    expect(missing.code).toBe(ErrorCode.AppNotFound);
  });

  it('lets exactly one of two simultaneous creates of one access tag win', async () => {
    const attempt = (): Promise<unknown> =>
      nats.request(Subjects.ConnectionCreate, { workspace_id, product_tag: 'shop', connection: { access_tag: 'stripe-race', app: 'stripe', envs: [env] } });
    const results = await Promise.allSettled([attempt(), attempt()]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect((failure.reason as DomainError).code).toBe(ErrorCode.AccessTagTaken);
    // Named as the field, so a form puts it beside its access tag input.
    expect((failure.reason as DomainError).details).toMatchObject({ fields: [{ field: 'access_tag' }], access_tag: 'stripe-race' });
  });

  it('refuses a connection to a product the catalog does not know', async () => {
    const error = await rejection(
      nats.request(Subjects.ConnectionCreate, { workspace_id, product_tag: 'ghost', connection: { access_tag: 'x', app: 'stripe', envs: [env] } }),
    );
    expect([error.code, error.message]).toEqual([ErrorCode.ProductNotFound, "Product 'ghost' not found"]);
  });

  it('updates one env field by field and adds a new env after the existing ones', async () => {
    await nats.request(Subjects.ConnectionCreate, {
      workspace_id,
      product_tag: 'shop',
      connection: {
        access_tag: 'stripe-vars',
        app: 'stripe',
        envs: [{ ...env, variables: [{ key: 'REGION', value: 'us' }], auth: [{ auth_tag: 'bearer', data: { token: '$Token{STRIPE_KEY}' } }] }],
      },
    });
    const updated = await nats.request<ConnectionView>(Subjects.ConnectionUpdate, {
      workspace_id,
      product_tag: 'shop',
      access_tag: 'stripe-vars',
      changes: { envs: [{ slug: 'prd', active: false }, { slug: 'dev', base_url: 'https://sandbox.stripe.com' }] },
    });
    expect(updated.envs.map((e) => [e.slug, e.base_url, e.active, e.variables, e.auth])).toEqual([
      ['prd', 'https://api.stripe.com', false, [{ key: 'REGION', value: 'us' }], [{ auth_tag: 'bearer', data: { token: '$Token{STRIPE_KEY}' } }]],
      ['dev', 'https://sandbox.stripe.com', true, [], []],
    ]);
  });

  it("removes an env's base URL override given base_url: null, and refuses to where no app env would stand in", async () => {
    const override = { slug: 'prd', base_url: 'http://127.0.0.1:9/fake-stripe' };
    const stg = { slug: 'stg', base_url: 'https://staging.stripe.com' };
    await nats.request(Subjects.ConnectionCreate, { workspace_id, product_tag: 'shop', connection: { access_tag: 'stripe-proxied', app: 'stripe', envs: [override, stg] } });
    const update = (envs: object[]): Promise<ConnectionView> =>
      nats.request(Subjects.ConnectionUpdate, { workspace_id, product_tag: 'shop', access_tag: 'stripe-proxied', changes: { envs } });

    const kept = await update([{ slug: 'prd', active: false }]);
    expect(kept.envs.map((e) => [e.slug, e.base_url])).toEqual([['prd', override.base_url], ['stg', stg.base_url]]);
    const cleared = await update([{ slug: 'prd', base_url: null }]);
    expect(cleared.envs.map((e) => [e.slug, e.app_env_slug, e.base_url, e.active])).toEqual([['prd', 'prd', null, false], ['stg', 'stg', stg.base_url, true]]);

    // The Stripe template has no env stg: its override is all that env has to go to.
    const error = await rejection(update([{ slug: 'stg', base_url: null }]));
    expect([error.code, error.details]).toEqual([ErrorCode.AppEnvNotFound, expect.objectContaining({ fields: [expect.objectContaining({ field: 'envs.0.app_env_slug' })] })]);
    const stored = await nats.request<ConnectionView>(Subjects.ConnectionFetch, { workspace_id, product_tag: 'shop', access_tag: 'stripe-proxied' });
    expect(stored.envs.map((e) => [e.slug, e.base_url])).toEqual([['prd', null], ['stg', stg.base_url]]);
  });

  it('applies simultaneous updates of one connection one after the other, losing neither', async () => {
    await nats.request(Subjects.ConnectionCreate, { workspace_id, product_tag: 'shop', connection: { access_tag: 'stripe-busy', app: 'stripe', envs: [env] } });
    const update = (envs: object[]): Promise<ConnectionView> =>
      nats.request(Subjects.ConnectionUpdate, { workspace_id, product_tag: 'shop', access_tag: 'stripe-busy', changes: { envs } });
    await Promise.all([
      update([{ slug: 'prd', active: false }]),
      update([{ slug: 'dev', base_url: 'https://sandbox.stripe.com' }]),
      update([{ slug: 'stg', base_url: 'https://staging.stripe.com' }]),
      update([{ slug: 'prd', variables: [{ key: 'REGION', value: 'eu' }] }]),
    ]);
    const stored = await nats.request<ConnectionView>(Subjects.ConnectionFetch, { workspace_id, product_tag: 'shop', access_tag: 'stripe-busy' });
    const bySlug = new Map(stored.envs.map((e) => [e.slug, e]));
    expect([...bySlug.keys()].sort()).toEqual(['dev', 'prd', 'stg']);
    expect(bySlug.get('prd')).toMatchObject({ active: false, variables: [{ key: 'REGION', value: 'eu' }] });
  });

  it('answers 503-style service_unavailable when the catalog is gone', async () => {
    const catalog = services[0];
    await catalog.stop();
    const error = await rejection(nats.request(Subjects.ConnectionList, { workspace_id, product_tag: 'shop' }));
    expect([error.code, error.message]).toEqual([ErrorCode.ServiceUnavailable, 'The catalog service is unavailable']);
  });
});
