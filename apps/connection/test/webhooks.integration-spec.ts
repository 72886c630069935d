import type { NatsConnection } from '@nats-io/transport-node';
import {
  ErrorCode,
  Events,
  Subjects,
  WEBHOOK_RECEIVE_ID_PATTERN,
  type EnsureProductReply,
  type WebhookDefinition,
  type WebhookReceiveTarget,
} from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, harnessNatsAccess } from '@switchboard/testing';

// The connection service asks the real catalog about products and the real executor about forward URLs.
describe('Webhook definitions in the connection service over real NATS and PostgreSQL', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let services: ServiceHandle[] = [];
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_webhooks_${Date.now()}`;
  let products = 0;

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    services = await Promise.all([
      startService('catalog', { nats: natsServer, env: { DATABASE_URL: database.url } }),
      startService('connection', { nats: natsServer, env: { DATABASE_URL: database.url } }),
      startService('action-executor', { nats: natsServer, env: { DATABASE_URL: database.url, SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } }),
    ]);
    connection = await connectNats(harnessNatsAccess(natsServer), 'webhooks-integration-spec');
    nats = new NatsRequester(connection, 5000);
    await nats.request(Subjects.CatalogAppEnsure, { workspace_id, app_tag: 'github' });
  });

  afterAll(async () => {
    await connection?.close();
    await Promise.all(services.map((service) => service.stop()));
    await database?.drop();
    await natsServer?.stop();
  });

  const rejection = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

  const newProduct = async (): Promise<string> => {
    products += 1;
    const reply = await nats.request<EnsureProductReply>(Subjects.CatalogProductEnsure, { workspace_id, product_tag: `shop-${products}`, product: {} });
    return reply.product.tag;
  };
  const sample = { name: 'GitHub Webhook', tag: 'github_webhook', scheme: 'github', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}' };
  const create = (product_tag: string, webhook: object): Promise<WebhookDefinition> =>
    nats.request(Subjects.ConnectionWebhookCreate, { workspace_id, product_tag, webhook });
  const update = (product_tag: string, webhook_tag: string, changes: object): Promise<WebhookDefinition> =>
    nats.request(Subjects.ConnectionWebhookUpdate, { workspace_id, product_tag, webhook_tag, changes });
  const list = (product_tag: string): Promise<WebhookDefinition[]> => nats.request(Subjects.ConnectionWebhookList, { workspace_id, product_tag });
  const resolve = (receive_id: string): Promise<WebhookReceiveTarget> => nats.request(Subjects.ConnectionWebhookResolveReceive, { receive_id });

  it('creates the seed 002 webhook in every env of the product with a receive id each, and publishes its event', async () => {
    const product = await newProduct();
    const events = connection.subscribe(Events.WebhookCreated, { max: 1 });
    const created = await create(product, sample);
    expect(created).toMatchObject({
      tag: 'github_webhook',
      name: 'GitHub Webhook',
      product,
      scheme: 'github',
      app: null,
      signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
      forward_url: null,
      tolerance_seconds: 300,
      hmac: null,
    });
    expect(created.envs.map((env) => env.env)).toEqual(['dev', 'stg', 'prd']);
    for (const env of created.envs) expect(env.receive_id).toMatch(WEBHOOK_RECEIVE_ID_PATTERN);
    expect(new Set(created.envs.map((env) => env.receive_id)).size).toBe(3);
    for await (const message of events) {
      expect(message.json()).toMatchObject({ workspace_id, product, webhook: 'github_webhook', receive_ids: created.envs.map((env) => env.receive_id) });
    }
    expect(await list(product)).toEqual([created]);
  });

  it('resolves a receive id to what the executor needs, with the app its connection connects', async () => {
    const product = await newProduct();
    await nats.request(Subjects.ConnectionCreate, { workspace_id, product_tag: product, connection: { access_tag: 'github-main', app: 'github', envs: [{ slug: 'prd', base_url: 'https://api.github.com' }] } });
    const created = await create(product, { ...sample, app: 'github-main', envs: ['prd'], forward_url: 'http://127.0.0.1:9/hooks/github', tolerance_seconds: 60 });
    const [prd] = created.envs;
    expect(await resolve(prd?.receive_id ?? '')).toEqual({
      workspace_id,
      product,
      webhook: 'github_webhook',
      env: 'prd',
      receive_id: prd?.receive_id,
      scheme: 'github',
      signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
      signing_secret_key: 'GITHUB_WEBHOOK_SECRET',
      app: 'github-main',
      app_tag: 'github',
      tolerance_seconds: 60,
      hmac: null,
      forward_url: 'http://127.0.0.1:9/hooks/github',
    });
  });

  it('answers one fixed webhook_not_found for a malformed, unknown or deleted receive id', async () => {
    const product = await newProduct();
    const created = await create(product, sample);
    await nats.request(Subjects.ConnectionWebhookDelete, { workspace_id, product_tag: product, webhook_tag: 'github_webhook' });
    for (const receiveId of ['nonsense', 'whk_000000000000000000000000', created.envs[0]?.receive_id ?? '']) {
      const error = await rejection(resolve(receiveId));
      expect([error.code, error.message, error.details]).toEqual([ErrorCode.WebhookNotFound, 'No webhook receives at this URL', {}]);
    }
  });

  it.each([
    [
      'a pasted secret',
      { signing_secret: 'ghs_literal_value' },
      ErrorCode.SigningSecretNotReference,
      "signing_secret must be a secret reference such as $Token{GITHUB_WEBHOOK_SECRET}, not the secret itself: create it with switchboard.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value }) or under Workspace Settings > Secrets, then reference it",
    ],
    ['an env the product lacks', { envs: ['prd', 'qa'] }, ErrorCode.ProductEnvNotFound, "envs.1: product '{product}' has no env 'qa' (it has dev, stg, prd)"],
    ['an app it has not connected', { app: 'stripe' }, ErrorCode.ConnectionNotFound, "app: product '{product}' has no connection with access tag 'stripe' (it has none)"],
    [
      'a forward URL the address policy refuses',
      { forward_url: 'http://10.1.2.3/hooks' },
      ErrorCode.ForwardUrlRefused,
      'forward_url: Outbound requests to 10.1.2.3 are refused: it resolves to 10.1.2.3, in 10.0.0.0/8 (Private-Use, RFC 1918); allow it with SWITCHBOARD_OUTBOUND_ALLOW',
    ],
    ['hmac options with another scheme', { hmac: { algorithm: 'sha256', encoding: 'hex', header: 'X-Sig' } }, ErrorCode.ValidationFailed, "hmac is only for scheme 'hmac', not 'github'"],
    ['scheme hmac without its options', { scheme: 'hmac' }, ErrorCode.ValidationFailed, "hmac is required for scheme 'hmac': give its algorithm, encoding and header"],
  ])('refuses %s and writes nothing', async (_case, change, code, message) => {
    const product = await newProduct();
    const error = await rejection(create(product, { ...sample, ...change }));
    expect([error.code, error.message]).toEqual([code, message.replace('{product}', product)]);
    expect(await list(product)).toEqual([]);
  });

  it('refuses a webhook of an unknown product', async () => {
    const error = await rejection(create('ghost', sample));
    expect([error.code, error.message]).toEqual([ErrorCode.ProductNotFound, "Product 'ghost' not found"]);
  });

  it('lets exactly one of two simultaneous creates of one tag win, the other webhook_tag_taken naming tag', async () => {
    const product = await newProduct();
    const results = await Promise.allSettled([create(product, sample), create(product, sample)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failure = (results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason as DomainError;
    expect([failure.code, failure.message]).toEqual([ErrorCode.WebhookTagTaken, `tag: webhook 'github_webhook' already exists in product '${product}'`]);
    expect(failure.details).toMatchObject({ fields: [{ field: 'tag' }] });
    expect(await list(product)).toHaveLength(1);
  });

  it('keeps the receive ids of envs kept, retires those of envs dropped and issues new ones, in one update', async () => {
    const product = await newProduct();
    const created = await create(product, { ...sample, envs: ['dev', 'prd'] });
    const [dev, prd] = created.envs;
    const events = connection.subscribe(Events.WebhookUpdated, { max: 1 });
    const updated = await update(product, 'github_webhook', {
      envs: ['prd', 'stg'],
      scheme: 'hmac',
      hmac: { algorithm: 'sha512', encoding: 'base64', header: 'X-Signature', signed_content: '{timestamp}.{body}', timestamp_header: 'X-Timestamp' },
      forward_url: 'http://127.0.0.1:9/hooks',
      name: 'Signed by us',
    });
    expect(updated).toMatchObject({
      name: 'Signed by us',
      scheme: 'hmac',
      forward_url: 'http://127.0.0.1:9/hooks',
      hmac: { algorithm: 'sha512', encoding: 'base64', header: 'X-Signature', prefix: '', signed_content: '{timestamp}.{body}', timestamp_header: 'X-Timestamp', event_id_header: null },
    });
    expect(updated.envs.map((env) => env.env)).toEqual(['prd', 'stg']);
    expect(updated.envs[0]?.receive_id).toBe(prd?.receive_id);
    expect([dev?.receive_id, prd?.receive_id]).not.toContain(updated.envs[1]?.receive_id);
    expect((await rejection(resolve(dev?.receive_id ?? ''))).code).toBe(ErrorCode.WebhookNotFound);
    for await (const message of events) {
      expect(message.json<{ receive_ids: string[] }>().receive_ids.sort()).toEqual([dev, ...updated.envs].map((env) => env?.receive_id).sort());
    }

    const back = await update(product, 'github_webhook', { scheme: 'github', forward_url: null });
    expect(back).toMatchObject({ scheme: 'github', hmac: null, forward_url: null, name: 'Signed by us' });
  });

  it('refuses an update that breaks a rule and leaves the webhook as it was', async () => {
    const product = await newProduct();
    const created = await create(product, sample);
    const error = await rejection(update(product, 'github_webhook', { name: 'Changed', envs: ['prd'], signing_secret: 'plain' }));
    expect(error.code).toBe(ErrorCode.SigningSecretNotReference);
    const refused = await rejection(update(product, 'github_webhook', { name: 'Changed', forward_url: 'http://169.254.169.254/latest' }));
    expect(refused.code).toBe(ErrorCode.ForwardUrlRefused);
    expect(await nats.request(Subjects.ConnectionWebhookFetch, { workspace_id, product_tag: product, webhook_tag: 'github_webhook' })).toEqual(created);
  });

  it('answers webhook_not_found for a tag the product has no webhook of', async () => {
    const product = await newProduct();
    for (const subject of [Subjects.ConnectionWebhookFetch, Subjects.ConnectionWebhookDelete]) {
      const error = await rejection(nats.request(subject, { workspace_id, product_tag: product, webhook_tag: 'nope' }));
      expect([error.code, error.message]).toEqual([ErrorCode.WebhookNotFound, `Webhook 'nope' not found in product '${product}'`]);
    }
  });

  it('deletes a webhook and publishes its event', async () => {
    const product = await newProduct();
    const created = await create(product, sample);
    const events = connection.subscribe(Events.WebhookDeleted, { max: 1 });
    expect(await nats.request(Subjects.ConnectionWebhookDelete, { workspace_id, product_tag: product, webhook_tag: 'github_webhook' })).toEqual(created);
    for await (const message of events) expect(message.json()).toMatchObject({ workspace_id, product, webhook: 'github_webhook' });
    expect(await list(product)).toEqual([]);
  });

  it('keeps the catalog from deleting a product or renaming an env while webhooks receive in it', async () => {
    const product = await newProduct();
    await create(product, { ...sample, envs: ['stg'] });
    const deleting = await rejection(nats.request(Subjects.CatalogProductDelete, { workspace_id, product_tag: product }));
    expect([deleting.code, deleting.message]).toEqual([
      ErrorCode.ProductInUse,
      `Product '${product}' still receives webhooks: ${product}/github_webhook; delete them or change their envs first`,
    ]);
    expect(deleting.details).toEqual({ product, webhooks: [{ product, tag: 'github_webhook' }] });
    const renaming = await rejection(nats.request(Subjects.CatalogProductUpdate, { workspace_id, product_tag: product, product: { envs: [{ slug: 'stg', new_slug: 'staging' }] } }));
    expect([renaming.code, renaming.message]).toEqual([
      ErrorCode.ProductEnvInUse,
      `envs.0.new_slug: env 'stg' of product '${product}' still receives webhooks: ${product}/github_webhook; delete them or change their envs first`,
    ]);

    await nats.request(Subjects.ConnectionWebhookDelete, { workspace_id, product_tag: product, webhook_tag: 'github_webhook' });
    await nats.request(Subjects.CatalogProductDelete, { workspace_id, product_tag: product });
  });
});
