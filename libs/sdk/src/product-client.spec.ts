import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor, productReply } from '../test/fixtures.js';
import { Switchboard } from './index.js';

describe('switchboard.product', () => {
  let gateway: FakeGateway;
  let switchboard: Switchboard;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    switchboard = new Switchboard(optionsFor(gateway.url));
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('init puts the product and selects it', async () => {
    gateway.on('PUT', '/v1/products/my-product', { status: 201, json: productReply('my-product') });

    await expect(switchboard.product.init('my-product')).resolves.toEqual(productReply('my-product'));

    expect(gateway.lastRequest).toMatchObject({ method: 'PUT', path: '/v1/products/my-product', body: {} });
    expect(switchboard.product.selected).toBe('my-product');
  });

  it('init sends the settings used when the product is created', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 201, json: productReply('shop') });

    await switchboard.product.init('shop', { name: 'Shop', envs: [{ slug: 'prd' }] });

    expect(gateway.lastRequest.body).toEqual({ name: 'Shop', envs: [{ slug: 'prd' }] });
  });

  it('init can be called twice for the same product', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });

    await switchboard.product.init('shop');
    await switchboard.product.init('shop');

    expect(gateway.requests.map((request) => request.path)).toEqual(['/v1/products/shop', '/v1/products/shop']);
    expect(switchboard.product.selected).toBe('shop');
  });

  it('init of another product switches the selection', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    gateway.on('PUT', '/v1/products/blog', { status: 201, json: productReply('blog') });

    await switchboard.product.init('shop');
    await switchboard.product.init('blog');

    expect(switchboard.product.selected).toBe('blog');
  });

  it('a failed init leaves the previous selection in place', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    gateway.on('PUT', '/v1/products/BAD%20TAG', {
      status: 400,
      json: { code: 'validation_failed', message: 'tag must be 1-64 letters', details: {} },
    });

    await switchboard.product.init('shop');
    await expect(switchboard.product.init('BAD TAG')).rejects.toMatchObject({ code: 'validation_failed', status: 400 });

    expect(switchboard.product.selected).toBe('shop');
  });

  it('fetch reads the selected product by default', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    gateway.on('GET', '/v1/products/shop', { status: 200, json: productReply('shop') });

    await switchboard.product.init('shop');
    await expect(switchboard.product.fetch()).resolves.toEqual(productReply('shop'));

    expect(gateway.lastRequest).toMatchObject({ method: 'GET', path: '/v1/products/shop' });
  });

  it('fetch reads the product it is given, with its tag encoded', async () => {
    gateway.on('GET', '/v1/products/a%2Fb', { status: 200, json: productReply('a/b') });

    await expect(switchboard.product.fetch('a/b')).resolves.toMatchObject({ tag: 'a/b' });
  });

  it('fetch without a tag before init rejects with product_not_selected', async () => {
    await expect(switchboard.product.fetch()).rejects.toMatchObject({
      name: 'SwitchboardError',
      code: 'product_not_selected',
      status: 0,
      message: "No product selected: call product.init('<tag>') first",
    });
    expect(gateway.requests).toHaveLength(0);
  });

  it('fetchAll lists the products of the workspace', async () => {
    gateway.on('GET', '/v1/products', { status: 200, json: [productReply('shop'), productReply('blog')] });

    const products = await switchboard.product.fetchAll();

    expect(products.map((product) => product.tag)).toEqual(['shop', 'blog']);
  });

  it('update patches the selected product with only the changes given', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    gateway.on('PATCH', '/v1/products/shop', { status: 200, json: { ...productReply('shop'), name: 'Shop' } });

    await switchboard.product.init('shop');
    const changes = { name: 'Shop', add_envs: [{ slug: 'qa' }], envs: [{ slug: 'dev', new_slug: 'development', active: false }] };
    await expect(switchboard.product.update(changes)).resolves.toMatchObject({ tag: 'shop', name: 'Shop' });

    expect(gateway.lastRequest).toMatchObject({ method: 'PATCH', path: '/v1/products/shop', body: changes });
  });

  it('update patches the product it is given, with its tag encoded, and rejects with the gateway\'s error', async () => {
    const refusal = { code: 'product_env_in_use', message: "envs.0.new_slug: env 'dev' of product 'a/b' is still connected: a/b/crm; disconnect them first", details: {} };
    gateway.on('PATCH', '/v1/products/a%2Fb', { status: 409, json: refusal });

    await expect(switchboard.product.update({ envs: [{ slug: 'dev', new_slug: 'development' }] }, 'a/b')).rejects.toMatchObject({
      name: 'SwitchboardError',
      status: 409,
      code: 'product_env_in_use',
      message: refusal.message,
    });
  });

  it('update and delete without a tag before init reject with product_not_selected and send nothing', async () => {
    await expect(switchboard.product.update({ name: 'x' })).rejects.toMatchObject({ code: 'product_not_selected' });
    await expect(switchboard.product.delete()).rejects.toMatchObject({ code: 'product_not_selected' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('delete removes the selected product, answers it as it was and leaves none selected', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    gateway.on('DELETE', '/v1/products/shop', { status: 200, json: productReply('shop') });

    await switchboard.product.init('shop');
    await expect(switchboard.product.delete()).resolves.toEqual(productReply('shop'));

    expect(gateway.lastRequest).toMatchObject({ method: 'DELETE', path: '/v1/products/shop', body: undefined });
    expect(switchboard.product.selected).toBeUndefined();
  });

  it('delete of another product keeps the selection', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    gateway.on('DELETE', '/v1/products/blog', { status: 200, json: productReply('blog') });

    await switchboard.product.init('shop');
    await switchboard.product.delete('blog');

    expect(switchboard.product.selected).toBe('shop');
  });

  it('a refused delete keeps the selection and rejects with product_in_use and its details', async () => {
    const details = { product: 'shop', connections: [{ product: 'shop', access_tag: 'stripe-payments' }] };
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    gateway.on('DELETE', '/v1/products/shop', {
      status: 409,
      json: { code: 'product_in_use', message: "Product 'shop' is still connected: shop/stripe-payments; disconnect them first", details },
    });

    await switchboard.product.init('shop');
    await expect(switchboard.product.delete()).rejects.toMatchObject({ status: 409, code: 'product_in_use', details });

    expect(switchboard.product.selected).toBe('shop');
  });
});
