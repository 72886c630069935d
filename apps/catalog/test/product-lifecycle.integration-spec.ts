import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, Events, Subjects, type EnsureProductReply, type ProductView } from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, harnessNatsAccess } from '@switchboard/testing';

// The catalog asks the real connection service which connections use a product before it renames an env or deletes it.
describe('Changing and deleting a product in the catalog over real NATS and PostgreSQL', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let services: ServiceHandle[] = [];
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_product_lifecycle_${Date.now()}`;

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    services = await Promise.all([
      startService('catalog', { nats: natsServer, env: { DATABASE_URL: database.url } }),
      startService('connection', { nats: natsServer, env: { DATABASE_URL: database.url } }),
    ]);
    connection = await connectNats(harnessNatsAccess(natsServer), 'product-lifecycle-integration-spec');
    nats = new NatsRequester(connection, 5000);
    await nats.request(Subjects.CatalogAppCreate, {
      workspace_id,
      app: { tag: 'crm', envs: [{ slug: 'dev', base_url: 'https://sandbox.crm.example', request_type: 'JSON' }] },
    });
  });

  afterAll(async () => {
    await connection?.close();
    await Promise.all(services.map((service) => service.stop()));
    await database?.drop();
    await natsServer?.stop();
  });

  let created = 0;
  const createProduct = async (): Promise<ProductView> => {
    created += 1;
    const reply = await nats.request<EnsureProductReply>(Subjects.CatalogProductEnsure, { workspace_id, product_tag: `shop-${created}`, product: { name: 'Shop' } });
    return reply.product;
  };
  const update = (product_tag: string, product: object): Promise<ProductView> => nats.request(Subjects.CatalogProductUpdate, { workspace_id, product_tag, product });
  const remove = (product_tag: string): Promise<ProductView> => nats.request(Subjects.CatalogProductDelete, { workspace_id, product_tag });
  const fetch = (product_tag: string): Promise<ProductView> => nats.request(Subjects.CatalogProductFetch, { workspace_id, product_tag });
  const connect = (product_tag: string, access_tag: string): Promise<unknown> =>
    nats.request(Subjects.ConnectionCreate, { workspace_id, product_tag, connection: { access_tag, app: 'crm', envs: [{ slug: 'dev', app_env_slug: 'dev' }] } });
  const disconnect = (product_tag: string, access_tag: string): Promise<unknown> => nats.request(Subjects.ConnectionDelete, { workspace_id, product_tag, access_tag });
  const rejection = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

  it('renames the product, adds envs, renames and deactivates envs by slug, keeping their order', async () => {
    const { tag } = await createProduct();
    const updated = await update(tag, {
      name: 'The shop',
      description: 'Where we sell',
      envs: [
        { slug: 'dev', new_slug: 'development', name: 'Development' },
        { slug: 'stg', active: false },
      ],
      add_envs: [{ slug: 'qa', name: 'QA' }, { slug: 'sandbox', active: false }],
    });
    expect([updated.name, updated.description]).toEqual(['The shop', 'Where we sell']);
    expect(updated.envs).toEqual([
      { slug: 'development', name: 'Development', active: true },
      { slug: 'stg', name: 'Staging', active: false },
      { slug: 'prd', name: 'Production', active: true },
      { slug: 'qa', name: 'QA', active: true },
      { slug: 'sandbox', name: 'sandbox', active: false },
    ]);
    expect(await fetch(tag)).toEqual(updated);

    const reactivated = await update(tag, { envs: [{ slug: 'stg', active: true }] });
    expect(reactivated.envs.find((env) => env.slug === 'stg')?.active).toBe(true);
  });

  it('publishes events.catalog.product.updated for a change and stamps updated_at, and writes and publishes nothing for a patch that changes nothing', async () => {
    const unchanged = await createProduct();
    const changed = await createProduct();
    const events = connection.subscribe(Events.ProductUpdated, { max: 1 });

    expect(await update(unchanged.tag, { name: 'Shop', envs: [{ slug: 'dev', active: true }] })).toEqual(unchanged);
    const after = await update(changed.tag, { envs: [{ slug: 'dev', active: false }] });

    expect(after.updated_at > changed.updated_at).toBe(true);
    // The first event names the product that changed: the patch that changed nothing published none.
    for await (const message of events) expect(message.json()).toMatchObject({ workspace_id, product: changed.tag });
  });

  it('checks two patches of one product sent at once one after the other, so together they cannot pass the env limit', async () => {
    const { tag } = await createProduct();
    const nineEnvs = (prefix: string): object[] => Array.from({ length: 9 }, (_, index) => ({ slug: `${prefix}${index}` }));
    const results = await Promise.allSettled([update(tag, { add_envs: nineEnvs('a') }), update(tag, { add_envs: nineEnvs('b') })]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: ErrorCode.ValidationFailed, message: `add_envs would give product '${tag}' 21 envs: a product has at most 20` });
    expect((await fetch(tag)).envs).toHaveLength(12);
  });

  it.each([
    [{}, 'body must change something: name, description, add_envs or envs'],
    [{ envs: [{ slug: 'nope', active: false }] }, "envs.0.slug names no env of product"],
    [{ add_envs: [{ slug: 'dev' }] }, "add_envs.0.slug 'dev' is already an env of product"],
    [{ add_envs: [{ slug: 'qa' }], envs: [{ slug: 'dev', new_slug: 'stg' }] }, "envs.0.new_slug 'stg' is already an env of product"],
    [{ add_envs: [{ slug: 'Not A Slug' }] }, 'add_envs.0.slug must be'],
    [{ envs: [{ slug: 'dev', active: 'no' }] }, 'envs.0.active must be a boolean value'],
    [{ tag: 'renamed' }, 'property tag should not exist'],
  ])('refuses %j with a 400 naming the field and changes nothing', async (patch, message) => {
    const before = await createProduct();
    const error = await rejection(update(before.tag, patch));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain(message);
    expect(await fetch(before.tag)).toEqual(before);
  });

  it('refuses to change the slug of an env a connection maps with product_env_in_use naming it, and changes that env otherwise', async () => {
    const { tag } = await createProduct();
    await connect(tag, 'crm-main');
    await connect(tag, 'crm-eu');

    const error = await rejection(update(tag, { name: 'Renamed', envs: [{ slug: 'stg', new_slug: 'staging' }, { slug: 'dev', new_slug: 'development' }] }));
    const message = `envs.1.new_slug: env 'dev' of product '${tag}' is still connected: ${tag}/crm-eu, ${tag}/crm-main; disconnect them first`;
    expect([error.code, error.message]).toEqual([ErrorCode.ProductEnvInUse, message]);
    expect(error.details).toEqual({
      product: tag,
      env: 'dev',
      connections: [
        { product: tag, access_tag: 'crm-eu' },
        { product: tag, access_tag: 'crm-main' },
      ],
      fields: [{ field: 'envs.1.new_slug', messages: [message] }],
    });
    expect((await fetch(tag)).name).toBe('Shop');

    const updated = await update(tag, { envs: [{ slug: 'stg', new_slug: 'staging' }, { slug: 'dev', name: 'Development', active: false }] });
    expect(updated.envs.map((env) => [env.slug, env.name, env.active])).toEqual([
      ['dev', 'Development', false],
      ['staging', 'Staging', true],
      ['prd', 'Production', true],
    ]);
  });

  it('refuses to delete a product with connections with product_in_use naming them, and deletes it once disconnected', async () => {
    const product = await createProduct();
    await connect(product.tag, 'crm-main');

    const inUse = await rejection(remove(product.tag));
    expect([inUse.code, inUse.message]).toEqual([ErrorCode.ProductInUse, `Product '${product.tag}' is still connected: ${product.tag}/crm-main; disconnect them first`]);
    expect(inUse.details).toEqual({ product: product.tag, connections: [{ product: product.tag, access_tag: 'crm-main' }] });
    expect(await fetch(product.tag)).toEqual(product);

    await disconnect(product.tag, 'crm-main');
    const events = connection.subscribe(Events.ProductDeleted, { max: 1 });
    expect(await remove(product.tag)).toEqual(product);
    for await (const message of events) expect(message.json()).toMatchObject({ workspace_id, product: product.tag });

    expect((await rejection(fetch(product.tag))).code).toBe(ErrorCode.ProductNotFound);
    expect((await rejection(remove(product.tag))).code).toBe(ErrorCode.ProductNotFound);
    // Its envs went with it: the same tag starts afresh.
    const again = await nats.request<EnsureProductReply>(Subjects.CatalogProductEnsure, { workspace_id, product_tag: product.tag, product: { envs: [{ slug: 'live' }] } });
    expect([again.created, again.product.envs.map((env) => env.slug)]).toEqual([true, ['live']]);
  });

  it('answers product_not_found for a product the workspace does not have', async () => {
    expect((await rejection(update('missing', { name: 'x' }))).code).toBe(ErrorCode.ProductNotFound);
    expect((await rejection(remove('missing'))).code).toBe(ErrorCode.ProductNotFound);
    const other = await createProduct();
    expect((await rejection(nats.request(Subjects.CatalogProductDelete, { workspace_id: 'ws_someone_else', product_tag: other.tag }))).code).toBe(ErrorCode.ProductNotFound);
  });
});
