import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor } from '../test/fixtures.js';
import { integrationFetchBody, responseOf } from './integration-fetch.js';
import { SdkErrorCode, Switchboard, SwitchboardError } from './index.js';
import type { IntegrationFetchInit } from './types.js';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('integrationFetchBody', () => {
  it('sends the URL of a string or a URL object, an upper-case method, the headers and the body as given', () => {
    expect(integrationFetchBody('https://example.com')).toEqual({ url: 'https://example.com' });
    expect(
      integrationFetchBody(new URL('https://my-api.com/login?x=1'), {
        method: 'post',
        headers: { Authorization: 'Bearer $(secret:TOKEN)' },
        body: { username: '$(secret:USERNAME)' },
      }),
    ).toEqual({
      url: 'https://my-api.com/login?x=1',
      method: 'POST',
      headers: { Authorization: 'Bearer $(secret:TOKEN)' },
      body: { username: '$(secret:USERNAME)' },
    });
  });

  it.each([
    ['a missing input', undefined, {}, 'input must be a URL string or a URL object'],
    ['a method that is no string', 'https://a.example', { method: 1 }, 'init.method must be a string'],
    ['headers with a number', 'https://a.example', { headers: { 'x-n': 1 } }, 'init.headers must be an object of string values'],
    ['a Headers object', 'https://a.example', { headers: new Headers() }, 'init.headers must be an object of string values'],
    ['a binary body', 'https://a.example', { body: new Uint8Array(2) }, 'init.body must be a string, or an object or array to send as JSON'],
  ])('refuses %s with invalid_argument', (_case, input, init, message) => {
    const call = () => integrationFetchBody(input as unknown as string, init as unknown as IntegrationFetchInit);
    expect(call).toThrow(SwitchboardError);
    expect(call).toThrow(message);
  });
});

describe('responseOf', () => {
  it('builds a Response that reads like fetch()’s: status, headers, text and JSON', async () => {
    const response = responseOf({ status: 201, headers: { 'content-type': 'application/json', 'x-id': 'r-1' }, body_base64: base64('{"ok":true}') });

    expect([response.status, response.ok, response.headers.get('x-id')]).toEqual([201, true, 'r-1']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('keeps the body bytes as they arrived', async () => {
    const bytes = new Uint8Array([0, 255, 128, 10]);
    const response = responseOf({ status: 200, headers: {}, body_base64: Buffer.from(bytes).toString('base64') });

    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('gives an upstream error status as a Response, not a rejection', async () => {
    const response = responseOf({ status: 500, headers: { 'content-type': 'text/plain' }, body_base64: base64('boom') });

    expect([response.status, response.ok, await response.text()]).toEqual([500, false, 'boom']);
  });

  it.each([204, 304])('builds a %i without a body', async (status) => {
    const response = responseOf({ status, headers: {}, body_base64: '' });

    expect([response.status, response.body, await response.text()]).toEqual([status, null, '']);
  });
});

describe('switchboard.integrations.fetch', () => {
  let gateway: FakeGateway;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('posts the request to /v1/integrations/fetch and resolves with the upstream’s answer', async () => {
    gateway.on('POST', '/v1/integrations/fetch', { status: 200, json: { status: 404, headers: { 'content-type': 'text/plain' }, body_base64: base64('nope') } });
    const switchboard = new Switchboard(optionsFor(gateway.url));

    const response = await switchboard.integrations.fetch('https://my-api.com', { body: { username: '$(secret:USERNAME)' } });

    expect(gateway.lastRequest.body).toEqual({ url: 'https://my-api.com', body: { username: '$(secret:USERNAME)' } });
    expect([response.status, await response.text()]).toEqual([404, 'nope']);
  });

  it('rejects with the gateway’s error when the platform cannot make the call', async () => {
    gateway.on('POST', '/v1/integrations/fetch', { status: 404, json: { code: 'secret_not_found', message: "Secret 'NOPE' not found", details: { key: 'NOPE' } } });
    const switchboard = new Switchboard(optionsFor(gateway.url));

    await expect(switchboard.integrations.fetch('https://my-api.com', { headers: { 'x-key': '$(secret:NOPE)' } })).rejects.toMatchObject({
      name: 'SwitchboardError',
      code: 'secret_not_found',
      status: 404,
      message: "Secret 'NOPE' not found",
    });
  });

  it('rejects an invalid argument without calling the gateway', async () => {
    const switchboard = new Switchboard(optionsFor(gateway.url));

    await expect(switchboard.integrations.fetch('https://a.example', { body: 42 as unknown as string })).rejects.toMatchObject({ code: SdkErrorCode.InvalidArgument });
    expect(gateway.requests).toEqual([]);
  });
});
