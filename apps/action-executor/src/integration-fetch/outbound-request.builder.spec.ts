import { ErrorCode, type IntegrationFetchBody } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { buildFetchOutboundRequest, FETCH_MAX_RESPONSE_BYTES, fetchMethodOf } from './outbound-request.builder.js';

const build = (fetch: IntegrationFetchBody) => buildFetchOutboundRequest(fetch, fetchMethodOf(fetch));

describe('fetchMethodOf', () => {
  it('defaults to GET without a body and to POST with one, as the seed sample sends a body without a method', () => {
    expect(fetchMethodOf({})).toBe('GET');
    expect(fetchMethodOf({ body: { username: 'alice' } })).toBe('POST');
    expect(fetchMethodOf({ body: '' })).toBe('POST');
    expect(fetchMethodOf({ method: 'PUT', body: 'x' })).toBe('PUT');
  });

  it.each(['GET', 'HEAD'] as const)('refuses a body with %s, as fetch() does', (method) => {
    const error = thrownBy(() => fetchMethodOf({ method, body: 'x' }), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, `body is not allowed with ${method}`]);
  });
});

describe('buildFetchOutboundRequest', () => {
  it('sends a JSON object body as JSON with its content type, once, under the fetch body limit', () => {
    const request = build({ url: 'https://my-api.com/login', body: { username: 'alice', password: 's3cret' } });

    expect(request).toEqual({
      method: 'POST',
      url: new URL('https://my-api.com/login'),
      headers: { 'content-type': 'application/json' },
      body: '{"username":"alice","password":"s3cret"}',
      maxAttempts: 1,
      maxResponseBytes: FETCH_MAX_RESPONSE_BYTES,
    });
  });

  it('sends a string body as it is, as text unless the caller names a content type', () => {
    expect(build({ url: 'https://a.example/', body: 'a=1' }).headers).toEqual({ 'content-type': 'text/plain;charset=UTF-8' });
    const form = build({ url: 'https://a.example/', method: 'PUT', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect([form.method, form.headers, form.body]).toEqual(['PUT', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1']);
  });

  it('sends a JSON array body as JSON', () => {
    expect(build({ url: 'https://a.example/', body: [1, 'two'] }).body).toBe('[1,"two"]');
  });

  it('keeps the caller’s headers and sends no body or content type without a body', () => {
    const request = build({ url: 'https://a.example/items?page=2', headers: { Authorization: 'Bearer t0ken', accept: 'text/csv' } });
    expect(request).toMatchObject({ method: 'GET', headers: { Authorization: 'Bearer t0ken', accept: 'text/csv' } });
    expect(request.body).toBeUndefined();
    expect(request.url.href).toBe('https://a.example/items?page=2');
  });

  it.each([
    ['a relative URL', '/items'],
    ['a URL whose reference stayed unresolved', '$(secret:API_URL)/items'],
    ['another scheme', 'ftp://files.example/x'],
    ['embedded credentials', 'https://alice:s3cret@a.example/'],
    ['an over-long URL', `https://a.example/${'x'.repeat(9000)}`],
  ])('refuses %s without naming it', (_case, url) => {
    const error = thrownBy(() => build({ url }), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, 'url must be an absolute http(s) URL without credentials once secrets are substituted']);
    expect(JSON.stringify(error.details)).not.toContain('s3cret');
  });

  it('refuses a header whose substituted value breaks the line, naming the header but not the value', () => {
    const error = thrownBy(() => build({ url: 'https://a.example/', headers: { 'X-Key': 'abc\r\nX-Injected: s3cret' } }), DomainError);
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toMatch(/^headers\.X-Key must be at most 8192 Latin-1 characters on one line/);
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain('s3cret');
  });
});
