import { sign } from '@octokit/webhooks-methods';
import { verifyWebhook } from '../verify-webhook.js';
import { AWKWARD_BODY, hmac, inputOf, upperCased } from '../verification.fixture.js';

const SECRET = 'gh-webhook-secret';
const BODY = Buffer.from('{"action":"opened","number":1}');
const DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';

const headersFor = (body: Buffer, secret = SECRET) => ({
  'X-Hub-Signature-256': `sha256=${hmac('sha256', secret, body, 'hex')}`,
  'X-GitHub-Delivery': DELIVERY,
});
const verify = (headers: Record<string, string>, body = BODY, secret = SECRET) =>
  verifyWebhook('github', inputOf({ secret, body, headers }));

describe('GitHub signatures', () => {
  it("accepts GitHub's published test vector", () => {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    const headers = { 'X-Hub-Signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' };
    expect(verify(headers, Buffer.from('Hello, World!'), "It's a Secret to Everybody")).toEqual({ ok: true, eventId: undefined });
  });

  it('accepts what @octokit/webhooks-methods signs, and returns X-GitHub-Delivery as the event id', async () => {
    const headers = { 'X-Hub-Signature-256': await sign(SECRET, BODY.toString()), 'X-GitHub-Delivery': DELIVERY };
    expect(verify(headers)).toEqual({ ok: true, eventId: DELIVERY });
  });

  it('refuses a tampered body and another secret', () => {
    expect(verify(headersFor(BODY), Buffer.from('{"action":"closed","number":1}'))).toMatchObject({ reason: 'signature_invalid' });
    expect(verify(headersFor(BODY, 'another secret'))).toMatchObject({ reason: 'signature_invalid' });
  });

  it('says the signature is missing without X-Hub-Signature-256, even with the SHA-1 X-Hub-Signature', () => {
    expect(verify({ 'X-Hub-Signature': `sha1=${hmac('sha1', SECRET, BODY, 'hex')}` })).toMatchObject({
      ok: false,
      reason: 'signature_missing',
    });
  });

  it.each([
    ['no prefix', hmac('sha256', SECRET, BODY, 'hex')],
    ['a sha1 prefix', `sha1=${hmac('sha256', SECRET, BODY, 'hex')}`],
    ['a truncated digest', `sha256=${hmac('sha256', SECRET, BODY, 'hex').slice(1)}`],
    ['a digest with trailing garbage', `sha256=${hmac('sha256', SECRET, BODY, 'hex')}zz`],
    ['base64 instead of hex', `sha256=${hmac('sha256', SECRET, BODY, 'base64')}`],
  ])('refuses a malformed header (%s)', (_case, value) => {
    expect(verify({ 'X-Hub-Signature-256': value })).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('verifies an empty body and exact non-UTF-8 bytes', () => {
    expect(verify(headersFor(Buffer.alloc(0)), Buffer.alloc(0))).toMatchObject({ ok: true });
    expect(verify(headersFor(AWKWARD_BODY), AWKWARD_BODY)).toMatchObject({ ok: true });
  });

  it('matches header names whatever their case', () => {
    expect(verify(upperCased(headersFor(BODY)))).toEqual({ ok: true, eventId: DELIVERY });
  });
});
