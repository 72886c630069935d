import { FakeGateway } from '../test/fake-gateway.js';
import { connectedAppReply, optionsFor, productReply } from '../test/fixtures.js';
import { Switchboard, type ConnectedAppEnvInput } from './index.js';

const stripeEnvs: ConnectedAppEnvInput[] = [
  { slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true },
  { slug: 'dev', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true },
];

describe('switchboard.product.app', () => {
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

  it('product.apps is the same object as product.app', () => {
    expect(switchboard.product.apps).toBe(switchboard.product.app);
  });

  it.each([
    ['connect', (s: Switchboard) => s.product.app.connect('stripe')],
    ['add', (s: Switchboard) => s.product.app.add({ access_tag: 'stripe-payments', envs: stripeEnvs })],
    ['fetchAll', (s: Switchboard) => s.product.app.fetchAll()],
    ['fetch', (s: Switchboard) => s.product.app.fetch('stripe-payments')],
    ['update', (s: Switchboard) => s.product.app.update('stripe-payments', { envs: stripeEnvs })],
  ])('%s before product.init rejects with product_not_selected and sends nothing', async (_name, call) => {
    await expect(call(switchboard)).rejects.toMatchObject({
      name: 'SwitchboardError',
      code: 'product_not_selected',
      message: "No product selected: call product.init('<tag>') first",
    });
    expect(gateway.requests).toHaveLength(0);
  });

  it('connect posts the app and resolves with the access tag', async () => {
    gateway.on('POST', '/v1/products/shop/connect', { status: 200, json: { access_tag: 'stripe-2' } });
    await switchboard.product.init('shop');

    await expect(switchboard.product.app.connect('stripe')).resolves.toBe('stripe-2');

    expect(gateway.lastRequest).toMatchObject({ method: 'POST', body: { app: 'stripe' } });
  });

  it('connect rejects with invalid_response when the reply has no access tag', async () => {
    gateway.on('POST', '/v1/products/shop/connect', { status: 200, json: {} });
    await switchboard.product.init('shop');

    await expect(switchboard.product.app.connect('stripe')).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('add posts the connection with its envs as given', async () => {
    const reply = connectedAppReply('shop', 'stripe-payments');
    gateway.on('POST', '/v1/products/shop/connections', { status: 201, json: reply });
    await switchboard.product.init('shop');

    await expect(switchboard.product.app.add({ access_tag: 'stripe-payments', app: 'stripe', envs: stripeEnvs })).resolves.toEqual(reply);

    expect(gateway.lastRequest.body).toEqual({ access_tag: 'stripe-payments', app: 'stripe', envs: stripeEnvs });
  });

  it('apps.add sends variables and auth with secret references verbatim', async () => {
    gateway.on('POST', '/v1/products/shop/connections', { status: 201, json: connectedAppReply('shop', 'stripe_app') });
    await switchboard.product.init('shop');
    const input = {
      access_tag: 'stripe_app',
      envs: [
        {
          app_env_slug: 'prd',
          product_env_slug: 'prd',
          variables: [{ key: 'FROM_EMAIL', value: 'noreply@example.com' }],
          auth: [{ auth_tag: 'api_key_auth', data: { api_key: '$Token{STRIPE_API_KEY}' } }],
        },
      ],
    };

    await switchboard.product.apps.add(input);

    expect(gateway.lastRequest.body).toEqual(input);
  });

  it('fetchAll lists the connected apps of the selected product', async () => {
    gateway.on('GET', '/v1/products/shop/connections', {
      status: 200,
      json: [connectedAppReply('shop', 'stripe-payments'), connectedAppReply('shop', 'sendgrid-email', 'sendgrid')],
    });
    await switchboard.product.init('shop');

    const apps = await switchboard.product.app.fetchAll();

    expect(apps.map((app) => `${app.access_tag} (${app.app}): ${app.envs.map((env) => env.slug).join(', ')}`)).toEqual([
      'stripe-payments (stripe): prd',
      'sendgrid-email (sendgrid): prd',
    ]);
  });

  it('appsOf reads the connections of the product it names, without selecting it or changing the selection', async () => {
    gateway.on('GET', '/v1/products/blog/connections', { status: 200, json: [connectedAppReply('blog', 'mailer', 'sendgrid')] });
    gateway.on('GET', '/v1/products/shop/connections', { status: 200, json: [connectedAppReply('shop', 'stripe-payments')] });
    await switchboard.product.init('shop');

    const [blog, shop] = await Promise.all([switchboard.product.appsOf('blog').fetchAll(), switchboard.product.app.fetchAll()]);

    expect([blog.map((app) => app.access_tag), shop.map((app) => app.access_tag)]).toEqual([['mailer'], ['stripe-payments']]);
    expect(gateway.requests.filter((request) => request.method === 'PUT').map((request) => request.path)).toEqual(['/v1/products/shop']);
    expect(switchboard.product.selected).toBe('shop');
  });

  it('delete disconnects the access tag from the selected product', async () => {
    gateway.on('DELETE', '/v1/products/shop/connections/stripe-payments', { status: 200, json: connectedAppReply('shop', 'stripe-payments') });
    await switchboard.product.init('shop');

    await expect(switchboard.product.app.delete('stripe-payments')).resolves.toMatchObject({ access_tag: 'stripe-payments' });
    expect(gateway.lastRequest).toMatchObject({ method: 'DELETE', path: '/v1/products/shop/connections/stripe-payments' });
  });

  it('fetch reads one connected app', async () => {
    gateway.on('GET', '/v1/products/shop/connections/stripe-payments', { status: 200, json: connectedAppReply('shop', 'stripe-payments') });
    await switchboard.product.init('shop');

    await expect(switchboard.product.app.fetch('stripe-payments')).resolves.toMatchObject({ access_tag: 'stripe-payments' });
  });

  it('fetch rejects with the gateway error for an unknown access tag', async () => {
    gateway.on('GET', '/v1/products/shop/connections/nope', {
      status: 404,
      json: { code: 'connection_not_found', message: 'No connection "nope" in product "shop"', details: {} },
    });
    await switchboard.product.init('shop');

    await expect(switchboard.product.app.fetch('nope')).rejects.toMatchObject({ code: 'connection_not_found', status: 404 });
  });

  it('update patches only the envs of the connected app', async () => {
    gateway.on('PATCH', '/v1/products/shop/connections/stripe-payments', { status: 200, json: connectedAppReply('shop', 'stripe-payments') });
    await switchboard.product.init('shop');
    const envs: ConnectedAppEnvInput[] = [{ slug: 'prd', base_url: 'https://api.stripe.com/v2', request_type: 'JSON', active: true }];

    await switchboard.product.app.update('stripe-payments', { envs });

    expect(gateway.lastRequest).toMatchObject({ method: 'PATCH', body: { envs } });
  });

  it('encodes the product and the access tag in paths', async () => {
    gateway.on('PUT', '/v1/products/my%20shop', { status: 201, json: productReply('my shop') });
    gateway.on('GET', '/v1/products/my%20shop/connections/a%2Fb%3Fc', { status: 200, json: connectedAppReply('my shop', 'a/b?c') });
    await switchboard.product.init('my shop');

    await expect(switchboard.product.app.fetch('a/b?c')).resolves.toMatchObject({ access_tag: 'a/b?c' });

    expect(gateway.lastRequest.path).toBe('/v1/products/my%20shop/connections/a%2Fb%3Fc');
  });

  it('follows the product chosen by the latest init', async () => {
    gateway.on('PUT', '/v1/products/blog', { status: 201, json: productReply('blog') });
    gateway.on('GET', '/v1/products/blog/connections', { status: 200, json: [] });
    await switchboard.product.init('shop');
    const apps = switchboard.product.app;
    await switchboard.product.init('blog');

    await expect(apps.fetchAll()).resolves.toEqual([]);

    expect(gateway.lastRequest.path).toBe('/v1/products/blog/connections');
  });
});
