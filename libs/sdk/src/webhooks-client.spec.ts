import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor, productReply, webhookReply } from '../test/fixtures.js';
import { Switchboard } from './index.js';

describe('switchboard.product.webhooks', () => {
  let gateway: FakeGateway;
  let switchboard: Switchboard;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    switchboard = new Switchboard(optionsFor(gateway.url));
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it.each([
    ['create', (s: Switchboard) => s.product.webhooks.create({ name: 'GitHub Webhook', tag: 'github_webhook', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}' })],
    ['fetchAll', (s: Switchboard) => s.product.webhooks.fetchAll()],
    ['fetch', (s: Switchboard) => s.product.webhooks.fetch('github_webhook')],
    ['update', (s: Switchboard) => s.product.webhooks.update('github_webhook', { name: 'Renamed' })],
    ['delete', (s: Switchboard) => s.product.webhooks.delete('github_webhook')],
    ['forwardingSecret', (s: Switchboard) => s.product.webhooks.forwardingSecret('github_webhook')],
    ['rotateForwardingSecret', (s: Switchboard) => s.product.webhooks.rotateForwardingSecret('github_webhook')],
    ['enable', (s: Switchboard) => s.product.webhooks.enable('github_webhook')],
  ])('%s without a selected or named product rejects with product_not_selected and sends nothing', async (_name, call) => {
    await expect(call(switchboard)).rejects.toMatchObject({ code: 'product_not_selected' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('create posts the seed 002 sample as given to the selected product and answers the webhook', async () => {
    const reply = webhookReply('shop', 'github_webhook');
    gateway.on('POST', '/v1/products/shop/webhooks', { status: 201, json: reply });
    await switchboard.product.init('shop');

    const sample = { name: 'GitHub Webhook', tag: 'github_webhook', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}' };
    await expect(switchboard.product.webhooks.create(sample)).resolves.toEqual(reply);
    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: '/v1/products/shop/webhooks', body: sample });
  });

  it('works on a named product whatever is selected', async () => {
    gateway.on('GET', '/v1/products/other/webhooks', { status: 200, json: [webhookReply('other', 'stripe_events')] });
    await switchboard.product.init('shop');

    await expect(switchboard.product.webhooks.fetchAll('other')).resolves.toEqual([webhookReply('other', 'stripe_events')]);
    expect(gateway.lastRequest.path).toBe('/v1/products/other/webhooks');
  });

  it('fetch, update and delete address the webhook by its tag, encoded', async () => {
    const reply = webhookReply('shop', 'github_webhook');
    gateway.on('GET', '/v1/products/shop/webhooks/github_webhook', { status: 200, json: reply });
    gateway.on('PATCH', '/v1/products/shop/webhooks/github_webhook', { status: 200, json: reply });
    gateway.on('DELETE', '/v1/products/shop/webhooks/github_webhook', { status: 200, json: reply });
    await switchboard.product.init('shop');

    await switchboard.product.webhooks.fetch('github_webhook');
    await switchboard.product.webhooks.update('github_webhook', { forward_url: null, envs: ['prd'] });
    expect(gateway.lastRequest).toMatchObject({ method: 'PATCH', body: { forward_url: null, envs: ['prd'] } });
    await switchboard.product.webhooks.delete('github_webhook');
    expect(gateway.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'PUT /v1/products/shop',
      'GET /v1/products/shop/webhooks/github_webhook',
      'PATCH /v1/products/shop/webhooks/github_webhook',
      'DELETE /v1/products/shop/webhooks/github_webhook',
    ]);
  });

  it('forwardingSecret gets the whsec_ secret of the webhook named by its tag, encoded, in the named product', async () => {
    const reply = { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', created_at: '2026-12-02T10:00:00.000Z', previous: null };
    gateway.on('GET', '/v1/products/other/webhooks/github%20hook/forwarding-secret', { status: 200, json: reply });
    await switchboard.product.init('shop');

    await expect(switchboard.product.webhooks.forwardingSecret('github hook', 'other')).resolves.toEqual(reply);
    expect(gateway.lastRequest).toMatchObject({ method: 'GET', path: '/v1/products/other/webhooks/github%20hook/forwarding-secret' });
  });

  it('rotateForwardingSecret posts the overlap asked for, or an empty body for the default, and answers both secrets', async () => {
    const reply = {
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      created_at: '2026-12-02T10:00:00.000Z',
      previous: { secret: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD', expires_at: '2026-12-02T11:00:00.000Z' },
    };
    gateway.on('POST', '/v1/products/shop/webhooks/github_webhook/forwarding-secret/rotate', { status: 200, json: reply });
    await switchboard.product.init('shop');

    await expect(switchboard.product.webhooks.rotateForwardingSecret('github_webhook', { overlap_seconds: 3600 })).resolves.toEqual(reply);
    expect(gateway.lastRequest).toMatchObject({ method: 'POST', body: { overlap_seconds: 3600 } });
    await switchboard.product.webhooks.rotateForwardingSecret('github_webhook');
    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: '/v1/products/shop/webhooks/github_webhook/forwarding-secret/rotate', body: {} });
  });

  it('enable posts to the named product and answers the delivery state and how many held events were queued', async () => {
    const reply = { delivery: { state: 'healthy', failing_since: null, disabled_at: null, reason: null, held_events: 0 }, released: 3 };
    gateway.on('POST', '/v1/products/other/webhooks/github_webhook/enable', { status: 200, json: reply });
    await switchboard.product.init('shop');

    await expect(switchboard.product.webhooks.enable('github_webhook', 'other')).resolves.toEqual(reply);
    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: '/v1/products/other/webhooks/github_webhook/enable' });
  });

  it('refuses a tag that would change the route before sending', async () => {
    await switchboard.product.init('shop');
    await expect(switchboard.product.webhooks.fetch('..')).rejects.toMatchObject({ code: 'invalid_argument', message: 'webhook must be a non-empty tag, got ".."' });
    expect(gateway.requests).toHaveLength(1);
  });

  it('rejects with the gateway error, its code and message kept', async () => {
    const message = "Webhook 'nope' not found in product 'shop'";
    gateway.on('GET', '/v1/products/shop/webhooks/nope', { status: 404, json: { code: 'webhook_not_found', message, details: {} } });
    await switchboard.product.init('shop');
    await expect(switchboard.product.webhooks.fetch('nope')).rejects.toMatchObject({ name: 'SwitchboardError', code: 'webhook_not_found', message, status: 404 });
  });
});
