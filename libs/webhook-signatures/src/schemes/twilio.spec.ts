import { createHash } from 'node:crypto';
import { verifyWebhook } from '../verify-webhook.js';
import { hmac, inputOf, upperCased } from '../verification.fixture.js';

// Twilio's published example (https://www.twilio.com/docs/usage/security#validating-requests, and its api-snippets
// security/signature_validation): auth token 12345, this URL and these parameters sign to RSOYDt4T1cUTdK1PDd93/VVr8B8=.
const AUTH_TOKEN = '12345';
const DOC_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOC_PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };
const DOC_SIGNATURE = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';
// Twilio's JSON example (api-snippets security/signature_validation_json): this body has this bodySHA256.
const JSON_BODY = Buffer.from('{"CallSid":"CA1234567890ABCDE","Caller":"+12349013030"}');
const JSON_URL = 'https://example.com/myapp?bodySHA256=5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const formOf = (params: Record<string, string> | [string, string][]) => Buffer.from(new URLSearchParams(params).toString());
const verify = (url: string, body: Buffer, headers: Record<string, string | string[]>) =>
  verifyWebhook('twilio', inputOf({ secret: AUTH_TOKEN, url, body, headers }));

describe('Twilio signatures', () => {
  it("accepts Twilio's published form example, with or without a charset", () => {
    const body = formOf(DOC_PARAMS);
    expect(verify(DOC_URL, body, { ...FORM, 'X-Twilio-Signature': DOC_SIGNATURE })).toEqual({ ok: true, eventId: undefined });
    const withCharset = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-twilio-signature': DOC_SIGNATURE };
    expect(verify(DOC_URL, body, withCharset)).toMatchObject({ ok: true });
  });

  it('sorts the parameters by name whatever order they came in, and returns the idempotency token', () => {
    const reversed = formOf(Object.entries(DOC_PARAMS).reverse());
    const headers = { ...FORM, 'X-Twilio-Signature': DOC_SIGNATURE, 'I-Twilio-Idempotency-Token': 'idem-1' };
    expect(verify(DOC_URL, reversed, headers)).toEqual({ ok: true, eventId: 'idem-1' });
  });

  it('signs a repeated parameter once per value, values sorted', () => {
    const url = 'https://hooks.example.test/hooks/whk_abc';
    const signature = hmac('sha1', AUTH_TOKEN, `${url}Mediaa.pngMediab.pngToX`, 'base64');
    const body = formOf([['Media', 'b.png'], ['To', 'X'], ['Media', 'a.png']]);
    expect(verify(url, body, { ...FORM, 'X-Twilio-Signature': signature })).toMatchObject({ ok: true });
  });

  it('refuses a changed parameter, an added one, another URL and another auth token', () => {
    const headers = { ...FORM, 'X-Twilio-Signature': DOC_SIGNATURE };
    expect(verify(DOC_URL, formOf({ ...DOC_PARAMS, Digits: '9999' }), headers)).toMatchObject({ reason: 'signature_invalid' });
    expect(verify(DOC_URL, formOf({ ...DOC_PARAMS, Extra: '1' }), headers)).toMatchObject({ reason: 'signature_invalid' });
    expect(verify('https://mycompany.com/myapp.php?foo=1&bar=3', formOf(DOC_PARAMS), headers)).toMatchObject({
      reason: 'signature_invalid',
    });
    const otherToken = verifyWebhook('twilio', inputOf({ secret: '54321', url: DOC_URL, body: formOf(DOC_PARAMS), headers }));
    expect(otherToken).toMatchObject({ reason: 'signature_invalid' });
  });

  it('accepts the URL with its default port added or removed, as Twilio signs either, but no other port', () => {
    const url = 'https://hooks.example.test/hooks/whk_abc';
    const withPort = 'https://hooks.example.test:443/hooks/whk_abc';
    const body = formOf({ To: 'X' });
    const signedWithPort = { ...FORM, 'X-Twilio-Signature': hmac('sha1', AUTH_TOKEN, `${withPort}ToX`, 'base64') };
    const signedWithout = { ...FORM, 'X-Twilio-Signature': hmac('sha1', AUTH_TOKEN, `${url}ToX`, 'base64') };
    expect(verify(url, body, signedWithPort)).toMatchObject({ ok: true });
    expect(verify(withPort, body, signedWithout)).toMatchObject({ ok: true });
    expect(verify('https://hooks.example.test:8443/hooks/whk_abc', body, signedWithout)).toMatchObject({ reason: 'signature_invalid' });
  });

  it('verifies a JSON body through the bodySHA256 of the signed URL', () => {
    expect(createHash('sha256').update(JSON_BODY).digest('hex')).toBe(new URL(JSON_URL).searchParams.get('bodySHA256'));
    const headers = { 'Content-Type': 'application/json', 'X-Twilio-Signature': hmac('sha1', AUTH_TOKEN, JSON_URL, 'base64') };
    expect(verify(JSON_URL, JSON_BODY, headers)).toMatchObject({ ok: true });
    expect(verify(JSON_URL, Buffer.from('{"CallSid":"CA1234567890ABCDE","Caller":"+19999999999"}'), headers)).toMatchObject({
      reason: 'signature_invalid',
    });
  });

  it('refuses a body that is neither a form nor covered by bodySHA256, since nothing signs it', () => {
    const url = 'https://hooks.example.test/hooks/whk_abc';
    const headers = { 'Content-Type': 'application/json', 'X-Twilio-Signature': hmac('sha1', AUTH_TOKEN, url, 'base64') };
    expect(verify(url, JSON_BODY, headers)).toMatchObject({ reason: 'signature_invalid' });
    expect(verify(url, Buffer.alloc(0), headers)).toMatchObject({ ok: true });
  });

  it('says the signature is missing without X-Twilio-Signature, and refuses malformed ones', () => {
    const body = formOf(DOC_PARAMS);
    expect(verify(DOC_URL, body, FORM)).toMatchObject({ ok: false, reason: 'signature_missing' });
    expect(verify(DOC_URL, body, { ...FORM, 'X-Twilio-Signature': DOC_SIGNATURE.slice(0, -1) })).toMatchObject({
      reason: 'signature_invalid',
    });
    expect(verify(DOC_URL, body, { ...FORM, 'X-Twilio-Signature': [DOC_SIGNATURE, DOC_SIGNATURE] })).toMatchObject({
      reason: 'signature_invalid',
    });
    expect(verify('not a url', body, { ...FORM, 'X-Twilio-Signature': DOC_SIGNATURE })).toMatchObject({ reason: 'signature_invalid' });
  });

  it('signs non-ASCII parameter values as UTF-8', () => {
    const url = 'https://hooks.example.test/hooks/whk_abc';
    const signature = hmac('sha1', AUTH_TOKEN, Buffer.from(`${url}BodyZoë 😀 שלום`, 'utf8'), 'base64');
    expect(verify(url, formOf({ Body: 'Zoë 😀 שלום' }), { ...FORM, 'X-Twilio-Signature': signature })).toMatchObject({ ok: true });
  });

  it('matches header names whatever their case', () => {
    expect(verify(DOC_URL, formOf(DOC_PARAMS), upperCased({ ...FORM, 'X-Twilio-Signature': DOC_SIGNATURE }))).toMatchObject({
      ok: true,
    });
  });
});
