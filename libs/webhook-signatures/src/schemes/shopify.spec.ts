import { verifyWebhook } from '../verify-webhook.js';
import { AWKWARD_BODY, hmac, inputOf, upperCased } from '../verification.fixture.js';

// Shopify publishes the algorithm (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook)
// but no test vector.
const SECRET = 'shpss_0123456789abcdef0123456789abcdef';
const BODY = Buffer.from('{"id":820982911946154508,"email":"jon@example.com"}');
const WEBHOOK_ID = 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043';

const headersFor = (body: Buffer, secret = SECRET) => ({
  'X-Shopify-Hmac-Sha256': hmac('sha256', secret, body, 'base64'),
  'X-Shopify-Webhook-Id': WEBHOOK_ID,
});
const verify = (headers: Record<string, string>, body = BODY) => verifyWebhook('shopify', inputOf({ secret: SECRET, body, headers }));

describe('Shopify signatures', () => {
  it('accepts a correctly signed order and returns X-Shopify-Webhook-Id as the event id', () => {
    expect(verify(headersFor(BODY))).toEqual({ ok: true, eventId: WEBHOOK_ID });
  });

  it('refuses a tampered body and another secret', () => {
    expect(verify(headersFor(BODY), Buffer.from('{"id":820982911946154508,"email":"eve@example.com"}'))).toMatchObject({
      reason: 'signature_invalid',
    });
    expect(verify(headersFor(BODY, 'shpss_other'))).toMatchObject({ reason: 'signature_invalid' });
  });

  it('says the signature is missing without its header, and has no event id without X-Shopify-Webhook-Id', () => {
    expect(verify({ 'X-Shopify-Webhook-Id': WEBHOOK_ID })).toMatchObject({ ok: false, reason: 'signature_missing' });
    expect(verify({ 'X-Shopify-Hmac-Sha256': headersFor(BODY)['X-Shopify-Hmac-Sha256'] })).toEqual({ ok: true, eventId: undefined });
  });

  it.each([
    ['hex instead of base64', hmac('sha256', SECRET, BODY, 'hex')],
    ['base64 without its padding', hmac('sha256', SECRET, BODY, 'base64').replace(/=+$/, '')],
    ['garbage', '!!!'],
  ])('refuses a malformed header (%s)', (_case, value) => {
    expect(verify({ 'X-Shopify-Hmac-Sha256': value })).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('verifies an empty body and exact non-UTF-8 bytes', () => {
    expect(verify(headersFor(Buffer.alloc(0)), Buffer.alloc(0))).toMatchObject({ ok: true });
    expect(verify(headersFor(AWKWARD_BODY), AWKWARD_BODY)).toMatchObject({ ok: true });
  });

  it('matches header names whatever their case', () => {
    expect(verify(upperCased(headersFor(BODY)))).toEqual({ ok: true, eventId: WEBHOOK_ID });
  });
});
