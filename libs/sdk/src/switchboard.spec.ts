import { inspect } from 'node:util';
import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor, productReply } from '../test/fixtures.js';
import { SDK_VERSION, SdkErrorCode, Switchboard, SwitchboardError, type SwitchboardOptions } from './index.js';

function constructionError(options: unknown): SwitchboardError {
  try {
    // Deliberately untyped: plain JavaScript callers can pass anything.
    new Switchboard(options as SwitchboardOptions);
  } catch (error: unknown) {
    if (error instanceof SwitchboardError) return error;
    throw error;
  }
  throw new Error('the constructor accepted the options');
}

describe('Switchboard', () => {
  let gateway: FakeGateway;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    gateway.on('GET', '/v1/products', { status: 200, json: [productReply('shop')] });
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('sends the workspace, user, private key, user-agent and accept headers on every request', async () => {
    const switchboard = new Switchboard(optionsFor(gateway.url));

    await switchboard.product.fetchAll();

    const { headers } = gateway.lastRequest;
    expect(headers['x-switchboard-workspace-id']).toBe('ws-123');
    expect(headers['x-switchboard-user-id']).toBe('user-456');
    expect(headers.authorization).toBe('Bearer sk_test_private');
    expect(headers['user-agent']).toBe(`switchboard-sdk/${SDK_VERSION}`);
    expect(headers.accept).toBe('application/json');
  });

  it('sends a JSON content type only when there is a body', async () => {
    gateway.on('PUT', '/v1/products/shop', { status: 201, json: productReply('shop') });
    const switchboard = new Switchboard(optionsFor(gateway.url));

    await switchboard.product.fetchAll();
    await switchboard.product.init('shop');

    expect(gateway.requests[0]?.headers['content-type']).toBeUndefined();
    expect(gateway.requests[1]?.headers['content-type']).toBe('application/json');
  });

  it('keeps a path prefix of the url and ignores a trailing slash', async () => {
    const switchboard = new Switchboard(optionsFor(`${gateway.url}/switchboard/`));

    await expect(switchboard.product.fetchAll()).rejects.toMatchObject({ code: 'route_not_found' });

    expect(gateway.lastRequest.path).toBe('/switchboard/v1/products');
  });

  it('falls back to SWITCHBOARD_URL when no url is given', async () => {
    const previous = process.env.SWITCHBOARD_URL;
    process.env.SWITCHBOARD_URL = gateway.url;
    try {
      const switchboard = new Switchboard({ workspace_id: 'ws-123', user_id: 'user-456', private_key: 'sk_test_private' });

      await expect(switchboard.product.fetchAll()).resolves.toEqual([productReply('shop')]);
    } finally {
      if (previous === undefined) delete process.env.SWITCHBOARD_URL;
      else process.env.SWITCHBOARD_URL = previous;
    }
  });

  it('does not reveal the private key when the client is logged', () => {
    const switchboard = new Switchboard(optionsFor(gateway.url));

    expect(inspect(switchboard, { depth: 10, showHidden: true })).not.toContain('sk_test_private');
    expect(JSON.stringify(switchboard)).not.toContain('sk_test_private');
  });

  it.each(['workspace_id', 'user_id', 'private_key'] as const)('rejects options without %s, naming the field', (field) => {
    const options = Object.fromEntries(Object.entries(optionsFor(gateway.url)).filter(([key]) => key !== field));

    const error = constructionError(options);

    expect(error).toMatchObject({ name: 'SwitchboardError', code: SdkErrorCode.InvalidOptions, status: 0, details: { field } });
    expect(error.message).toContain(field);
  });

  it('rejects a blank private key', () => {
    expect(constructionError({ ...optionsFor(gateway.url), private_key: '  ' })).toMatchObject({
      code: 'invalid_options',
      details: { field: 'private_key' },
    });
  });

  it('rejects a missing options object', () => {
    expect(constructionError(undefined)).toMatchObject({ code: 'invalid_options', details: { field: 'options' } });
  });

  it.each(['ftp://gateway.example.com', 'gateway.example.com', '/v1', 'http://gateway.example.com/?a=1'])(
    'rejects the url %s because it is not a plain http(s) URL',
    (url) => {
      const error = constructionError({ ...optionsFor(gateway.url), url });

      expect(error).toMatchObject({ code: 'invalid_options', details: { field: 'url' } });
      expect(error.message).toContain('http');
    },
  );

  it('keeps a url out of the error message, since it may carry credentials', () => {
    const error = constructionError({ ...optionsFor(gateway.url), url: 'ftp://user:hunter2@example.com' });

    expect(error.message).not.toContain('hunter2');
  });

  it.each([0, -1, 1.5, Number.NaN, '1000'])('rejects timeout_ms %p', (timeout_ms) => {
    expect(constructionError({ ...optionsFor(gateway.url), timeout_ms })).toMatchObject({
      code: 'invalid_options',
      details: { field: 'timeout_ms' },
    });
  });
});
