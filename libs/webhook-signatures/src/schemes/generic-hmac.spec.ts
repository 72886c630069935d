import { verifyWebhook } from '../verify-webhook.js';
import type { HmacSchemeOptions } from '../verification.js';
import { AWKWARD_BODY, hmac, inputOf, NOW_SECONDS, TOLERANCE_SECONDS, upperCased } from '../verification.fixture.js';

const SECRET = 'generic-secret';
const URL_SEEN = 'https://hooks.example.test/hooks/whk_abc?x=1';
const BODY = Buffer.from('{"event":"ping"}');

const verify = (hmacOptions: HmacSchemeOptions | null, headers: Record<string, string>, body = BODY) =>
  verifyWebhook('hmac', inputOf({ secret: SECRET, body, headers, url: URL_SEEN, hmac: hmacOptions }));

describe('generic HMAC signatures', () => {
  const plain: HmacSchemeOptions = { algorithm: 'sha256', encoding: 'hex', header: 'X-Signature' };

  it('accepts the body signed as configured, with no timestamp or event id by default', () => {
    expect(verify(plain, { 'X-Signature': hmac('sha256', SECRET, BODY, 'hex') })).toEqual({ ok: true, eventId: undefined });
  });

  it.each([
    ['sha256', 'hex'],
    ['sha256', 'base64'],
    ['sha512', 'hex'],
    ['sha512', 'base64'],
  ] as const)('supports %s in %s, after a prefix', (algorithm, encoding) => {
    const options: HmacSchemeOptions = { algorithm, encoding, header: 'X-Sig', prefix: `${algorithm}=` };
    expect(verify(options, { 'X-Sig': `${algorithm}=${hmac(algorithm, SECRET, BODY, encoding)}` })).toMatchObject({ ok: true });
    expect(verify(options, { 'X-Sig': hmac(algorithm, SECRET, BODY, encoding) })).toMatchObject({ reason: 'signature_invalid' });
  });

  it('signs the template over {timestamp}, {url} and {body}, checks the tolerance and returns the event id', () => {
    const options: HmacSchemeOptions = {
      algorithm: 'sha256',
      encoding: 'base64',
      header: 'X-Sig',
      signed_content: 'v0:{timestamp}:{url}:{body}',
      timestamp_header: 'X-Timestamp',
      event_id_header: 'X-Event-Id',
    };
    const headersAt = (timestamp: number) => ({
      'X-Sig': hmac('sha256', SECRET, Buffer.concat([Buffer.from(`v0:${timestamp}:${URL_SEEN}:`), BODY]), 'base64'),
      'X-Timestamp': String(timestamp),
      'X-Event-Id': 'evt-42',
    });
    expect(verify(options, headersAt(NOW_SECONDS))).toEqual({ ok: true, eventId: 'evt-42', timestamp: NOW_SECONDS });
    expect(verify(options, upperCased(headersAt(NOW_SECONDS)))).toMatchObject({ ok: true });
    expect(verify(options, headersAt(NOW_SECONDS - TOLERANCE_SECONDS - 1))).toMatchObject({ reason: 'timestamp_stale' });
    expect(verify(options, headersAt(NOW_SECONDS + TOLERANCE_SECONDS + 1))).toMatchObject({ reason: 'timestamp_stale' });
    expect(verify(options, { ...headersAt(NOW_SECONDS), 'X-Timestamp': String(NOW_SECONDS + 1) })).toMatchObject({
      reason: 'signature_invalid',
    });
    const { 'X-Timestamp': _dropped, ...withoutTimestamp } = headersAt(NOW_SECONDS);
    expect(verify(options, withoutTimestamp)).toMatchObject({ reason: 'signature_missing' });
    expect(verify(options, { ...headersAt(NOW_SECONDS), 'X-Timestamp': 'yesterday' })).toMatchObject({ reason: 'signature_invalid' });
  });

  it('applies the tolerance whenever a timestamp header is configured, even if the template does not sign it', () => {
    const options: HmacSchemeOptions = { ...plain, timestamp_header: 'X-Timestamp', prefix: null, signed_content: null };
    const headers = { 'X-Signature': hmac('sha256', SECRET, BODY, 'hex'), 'X-Timestamp': String(NOW_SECONDS - 10_000) };
    expect(verify(options, headers)).toMatchObject({ reason: 'timestamp_stale' });
  });

  it('refuses a tampered body, another secret, and a missing header', () => {
    const headers = { 'X-Signature': hmac('sha256', SECRET, BODY, 'hex') };
    expect(verify(plain, headers, Buffer.from('{"event":"pong"}'))).toMatchObject({ reason: 'signature_invalid' });
    expect(verify(plain, { 'X-Signature': hmac('sha256', 'other', BODY, 'hex') })).toMatchObject({ reason: 'signature_invalid' });
    expect(verify(plain, {})).toMatchObject({ reason: 'signature_missing' });
  });

  it('accepts hex digests in upper case too', () => {
    expect(verify(plain, { 'X-Signature': hmac('sha256', SECRET, BODY, 'hex').toUpperCase() })).toMatchObject({ ok: true });
  });

  it('refuses, without throwing, when its options are missing or sign {timestamp} without a timestamp header', () => {
    expect(verify(null, { 'X-Signature': 'x' })).toMatchObject({ reason: 'signature_invalid' });
    const options: HmacSchemeOptions = { ...plain, signed_content: '{timestamp}.{body}' };
    expect(verify(options, { 'X-Signature': hmac('sha256', SECRET, Buffer.concat([Buffer.from('.'), BODY]), 'hex') })).toMatchObject({
      reason: 'signature_invalid',
    });
  });

  it('signs an empty body and exact non-UTF-8 bytes', () => {
    expect(verify(plain, { 'X-Signature': hmac('sha256', SECRET, Buffer.alloc(0), 'hex') }, Buffer.alloc(0))).toMatchObject({ ok: true });
    expect(verify(plain, { 'X-Signature': hmac('sha256', SECRET, AWKWARD_BODY, 'hex') }, AWKWARD_BODY)).toMatchObject({ ok: true });
  });
});
