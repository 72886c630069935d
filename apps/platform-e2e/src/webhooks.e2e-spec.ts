import { type Switchboard, type Webhook } from '@switchboard/sdk';
import { startPlatform, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, refusal, switchboardFor } from './switchboard-for.js';

const RECEIVE_ID = /^whk_[0-9A-Za-z]{24}$/;
// The refusal of a pasted secret names the key a webhook's tag suggests: `github_webhook` → GITHUB_WEBHOOK_SECRET.
const literalRefused = (key: string): string =>
  `signing_secret must be a secret reference such as $Token{${key}}, not the secret itself: create it with switchboard.secrets.create({ key: '${key}', value }) or under Workspace Settings > Secrets, then reference it`;

// Webhook definitions through the SDK and REST, against the whole platform (gateway, connection service, catalog, executor).
describe('Webhook definitions through the SDK', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;

  beforeAll(async () => {
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    credentials = await platform.createWorkspace('webhooks');
    switchboard = switchboardFor(platform, credentials);
    await switchboard.app.create({ tag: 'github', envs: [{ slug: 'prd', base_url: 'https://api.github.com', request_type: 'JSON' }] });
    await switchboard.product.init('shop');
    await switchboard.product.app.add({ access_tag: 'github-main', app: 'github', envs: [{ slug: 'prd' }] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const expectReceiveUrls = (webhook: Webhook): void => {
    for (const env of webhook.envs) {
      expect(env.receive_id).toMatch(RECEIVE_ID);
      expect(env.receive_url).toBe(`${platform.url}/hooks/${env.receive_id}`);
    }
  };

  it('runs the seed 002 webhook sample as written, receiving in every env of the product', async () => {
    const created = await switchboard.product.webhooks.create({
      name: 'GitHub Webhook',
      tag: 'github_webhook',
      signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
      // ... other configuration
    });
    expect(created).toMatchObject({ tag: 'github_webhook', name: 'GitHub Webhook', product: 'shop', scheme: 'standard', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}' });
    expect(created.envs.map((env) => env.env)).toEqual(['dev', 'stg', 'prd']);
    expectReceiveUrls(created);
  });

  it('creates, lists, fetches, updates and deletes a webhook, keeping receive URLs across an update', async () => {
    const created = await switchboard.product.webhooks.create({
      name: 'GitHub pushes',
      tag: 'github_pushes',
      scheme: 'github',
      signing_secret: '$Token{GITHUB_PUSH_SECRET}',
      app: 'github-main',
      envs: ['prd'],
      forward_url: 'http://127.0.0.1:9/hooks/github',
      tolerance_seconds: 120,
    });
    expect(created).toMatchObject({ scheme: 'github', app: 'github-main', forward_url: 'http://127.0.0.1:9/hooks/github', tolerance_seconds: 120, hmac: null });
    expectReceiveUrls(created);

    expect((await switchboard.product.webhooks.fetchAll()).map((webhook) => webhook.tag)).toEqual(['github_webhook', 'github_pushes']);
    expect(await switchboard.product.webhooks.fetch('github_pushes')).toEqual(created);

    const updated = await switchboard.product.webhooks.update('github_pushes', {
      envs: ['prd', 'dev'],
      forward_url: null,
      scheme: 'hmac',
      hmac: { algorithm: 'sha256', encoding: 'hex', header: 'X-Hub-Signature-256', prefix: 'sha256=' },
    });
    expect(updated).toMatchObject({ forward_url: null, scheme: 'hmac', hmac: { algorithm: 'sha256', encoding: 'hex', header: 'X-Hub-Signature-256', prefix: 'sha256=', signed_content: '{body}' } });
    expect(updated.envs[0]).toEqual(created.envs[0]);
    expect(updated.envs.map((env) => env.env)).toEqual(['prd', 'dev']);
    expectReceiveUrls(updated);

    expect(await switchboard.product.webhooks.delete('github_pushes')).toEqual(updated);
    const gone = await refusal(switchboard.product.webhooks.fetch('github_pushes'));
    expect([gone.status, gone.code, gone.message]).toEqual([404, 'webhook_not_found', "Webhook 'github_pushes' not found in product 'shop'"]);
  });

  it('answers REST with 201 and the receive URLs, and refuses to change a tag', async () => {
    const created = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/webhooks', {
      name: 'Stripe events',
      tag: 'stripe_events',
      scheme: 'stripe',
      signing_secret: '$Secret{STRIPE_WHSEC}',
    });
    expect(created.status).toBe(201);
    expect((created.body as unknown as Webhook).envs).toHaveLength(3);
    const retag = await gatewayRequest(platform, credentials, 'PATCH', '/v1/products/shop/webhooks/stripe_events', { tag: 'other' });
    expect([retag.status, retag.body.code, retag.body.message]).toEqual([400, 'validation_failed', 'property tag should not exist']);
  });

  it.each([
    ['a pasted secret', { signing_secret: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' }, 422, 'signing_secret_not_reference', literalRefused('GITHUB_REFUSED_SECRET'), 'signing_secret'],
    ['an env the product lacks', { envs: ['prd', 'qa'] }, 422, 'product_env_not_found', "envs.1: product 'shop' has no env 'qa' (it has dev, stg, prd)", 'envs.1'],
    ['an app not connected to the product', { app: 'stripe' }, 404, 'connection_not_found', "app: product 'shop' has no connection with access tag 'stripe' (it has github-main)", 'app'],
    [
      'a forward URL the outbound address policy refuses',
      { forward_url: 'http://169.254.169.254/latest/meta-data' },
      422,
      'forward_url_refused',
      'forward_url: Outbound requests to 169.254.169.254 are refused: it resolves to 169.254.169.254, in 169.254.0.0/16 (Link Local, RFC 3927); allow it with SWITCHBOARD_OUTBOUND_ALLOW',
      'forward_url',
    ],
    ['a tag the product already has', { tag: 'github_webhook' }, 409, 'webhook_tag_taken', "tag: webhook 'github_webhook' already exists in product 'shop'", 'tag'],
  ])('refuses %s with its code, naming the field, and creates nothing', async (_case, change, status, code, message, field) => {
    const before = await switchboard.product.webhooks.fetchAll();
    const error = await refusal(
      switchboard.product.webhooks.create({ name: 'GitHub Webhook', tag: 'github_refused', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}', ...change }),
    );
    expect([error.status, error.code, error.message]).toEqual([status, code, message]);
    expect(error.details.fields).toEqual([{ field, messages: [message] }]);
    expect(await switchboard.product.webhooks.fetchAll()).toEqual(before);
  });

  it('refuses a pasted secret on update too and leaves the webhook as it was', async () => {
    const before = await switchboard.product.webhooks.fetch('github_webhook');
    const error = await refusal(switchboard.product.webhooks.update('github_webhook', { name: 'Changed', signing_secret: 'whsec_plain' }));
    expect([error.status, error.code, error.message]).toEqual([422, 'signing_secret_not_reference', literalRefused('GITHUB_WEBHOOK_SECRET')]);
    expect(await switchboard.product.webhooks.fetch('github_webhook')).toEqual(before);
  });

  it('answers product_not_found for a product the workspace does not have', async () => {
    const error = await refusal(switchboard.product.webhooks.create({ name: 'Ghost', tag: 'ghost_hook', signing_secret: '$Token{GHOST_SECRET}' }, 'ghost'));
    expect([error.status, error.code, error.message]).toEqual([404, 'product_not_found', "Product 'ghost' not found"]);
    const listing = await refusal(switchboard.product.webhooks.fetchAll('ghost'));
    expect([listing.status, listing.code]).toEqual([404, 'product_not_found']);
  });

  it('answers webhook_not_found for a tag the product has no webhook of, on fetch, update and delete', async () => {
    const message = "Webhook 'nope' not found in product 'shop'";
    for (const call of [
      () => switchboard.product.webhooks.fetch('nope'),
      () => switchboard.product.webhooks.update('nope', { name: 'x' }),
      () => switchboard.product.webhooks.delete('nope'),
    ]) {
      const error = await refusal(call());
      expect([error.status, error.code, error.message]).toEqual([404, 'webhook_not_found', message]);
    }
  });

  it('keeps a product with webhooks from being deleted, naming them, and deletes it once they are gone', async () => {
    expect((await gatewayRequest(platform, credentials, 'PUT', '/v1/products/solo', {})).status).toBe(201);
    await switchboard.product.webhooks.create({ name: 'Solo', tag: 'solo_hook', signing_secret: '$Token{SOLO_SECRET}' }, 'solo');
    const error = await refusal(switchboard.product.delete('solo'));
    expect([error.status, error.code, error.message]).toEqual([409, 'product_in_use', "Product 'solo' still receives webhooks: solo/solo_hook; delete them or change their envs first"]);
    await switchboard.product.webhooks.delete('solo_hook', 'solo');
    await expect(switchboard.product.delete('solo')).resolves.toMatchObject({ tag: 'solo' });
  });
});
