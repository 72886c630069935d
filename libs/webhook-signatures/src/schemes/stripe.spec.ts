import { verifyWebhook } from '../verify-webhook.js';
import { AWKWARD_BODY, hmac, inputOf, NOW_SECONDS, TOLERANCE_SECONDS, upperCased } from '../verification.fixture.js';

// Stripe publishes the algorithm (https://docs.stripe.com/webhooks#verify-manually) but no test vector.
const SECRET = 'whsec_test_5f2b6c1d9e8a7b3c4d5e6f708192a3b4';
const BODY = Buffer.from('{"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","object":"event","type":"charge.succeeded"}');

const v1 = (body: Buffer, timestamp: number, secret = SECRET) =>
  hmac('sha256', secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]), 'hex');
const headersFor = (body: Buffer, timestamp = NOW_SECONDS, secret = SECRET) => ({
  'Stripe-Signature': `t=${timestamp},v1=${v1(body, timestamp, secret)}`,
});
const verify = (headers: Record<string, string>, body = BODY) => verifyWebhook('stripe', inputOf({ secret: SECRET, body, headers }));

describe('Stripe signatures', () => {
  it('accepts a correctly signed event and returns its id and timestamp', () => {
    expect(verify(headersFor(BODY))).toEqual({ ok: true, eventId: 'evt_1NG8Du2eZvKYlo2CUI79vXWy', timestamp: NOW_SECONDS });
  });

  it('refuses a body changed after signing', () => {
    const tampered = Buffer.from(BODY.toString().replace('charge', 'refund'));
    expect(verify(headersFor(BODY), tampered)).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('refuses a signature made with another secret', () => {
    expect(verify(headersFor(BODY, NOW_SECONDS, 'whsec_other'))).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('refuses a signed timestamp older than the tolerance, and accepts one at its edge', () => {
    expect(verify(headersFor(BODY, NOW_SECONDS - TOLERANCE_SECONDS - 1))).toMatchObject({ ok: false, reason: 'timestamp_stale' });
    expect(verify(headersFor(BODY, NOW_SECONDS - TOLERANCE_SECONDS))).toMatchObject({ ok: true });
  });

  it('refuses a signed timestamp further in the future than the tolerance', () => {
    expect(verify(headersFor(BODY, NOW_SECONDS + TOLERANCE_SECONDS + 1))).toMatchObject({ ok: false, reason: 'timestamp_stale' });
  });

  it('reports a forged signature as invalid, not stale, even with an old timestamp', () => {
    const old = NOW_SECONDS - 10_000;
    expect(verify({ 'Stripe-Signature': `t=${old},v1=${'0'.repeat(64)}` })).toMatchObject({ reason: 'signature_invalid' });
  });

  it('accepts any matching v1 while a secret is rolled, and ignores v0', () => {
    const oldSecretSignature = v1(BODY, NOW_SECONDS, 'whsec_old_secret');
    const header = `t=${NOW_SECONDS},v1=${oldSecretSignature},v1=${v1(BODY, NOW_SECONDS)},v0=${'ab'.repeat(32)}`;
    expect(verify({ 'Stripe-Signature': header })).toMatchObject({ ok: true });
    const onlyV0 = `t=${NOW_SECONDS},v0=${v1(BODY, NOW_SECONDS)}`;
    expect(verify({ 'Stripe-Signature': onlyV0 })).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('says the signature is missing when the header is absent or blank', () => {
    expect(verify({})).toMatchObject({ ok: false, reason: 'signature_missing' });
    expect(verify({ 'Stripe-Signature': '  ' })).toMatchObject({ ok: false, reason: 'signature_missing' });
  });

  it.each([
    ['garbage', 'not a signature'],
    ['no timestamp', `v1=${v1(BODY, NOW_SECONDS)}`],
    ['two timestamps', `t=${NOW_SECONDS},t=${NOW_SECONDS},v1=${v1(BODY, NOW_SECONDS)}`],
    ['a timestamp that is not digits', `t=1e9,v1=${v1(BODY, NOW_SECONDS)}`],
    ['no v1', `t=${NOW_SECONDS}`],
    ['a truncated v1', `t=${NOW_SECONDS},v1=${v1(BODY, NOW_SECONDS).slice(0, 63)}`],
    ['an empty v1', `t=${NOW_SECONDS},v1=`],
  ])('refuses a malformed header (%s) without throwing', (_case, header) => {
    expect(verify({ 'Stripe-Signature': header })).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('refuses the header sent twice', () => {
    const signed = headersFor(BODY)['Stripe-Signature'];
    expect(verifyWebhook('stripe', inputOf({ secret: SECRET, body: BODY, headers: { 'stripe-signature': [signed, signed] } }))).toMatchObject({
      reason: 'signature_invalid',
    });
  });

  it('verifies an empty body, which has no event id', () => {
    expect(verify(headersFor(Buffer.alloc(0)), Buffer.alloc(0))).toEqual({ ok: true, eventId: undefined, timestamp: NOW_SECONDS });
  });

  it('signs the exact bytes, including multi-byte and non-UTF-8 ones', () => {
    expect(verify(headersFor(AWKWARD_BODY), AWKWARD_BODY)).toMatchObject({ ok: true });
    const lookalike = Buffer.from(AWKWARD_BODY);
    lookalike[lookalike.length - 1] = 0x81; // decodes to the same U+FFFD as 0x80 would
    expect(verify(headersFor(AWKWARD_BODY), lookalike)).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('matches the header name whatever its case', () => {
    expect(verify(upperCased(headersFor(BODY)))).toMatchObject({ ok: true });
  });
});
