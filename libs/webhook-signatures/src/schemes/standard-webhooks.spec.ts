import { createHash } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { signStandardWebhook } from '../sign-standard-webhook.js';
import { verifyWebhook } from '../verify-webhook.js';
import { AWKWARD_BODY, inputOf, NOW, NOW_SECONDS, TOLERANCE_SECONDS, upperCased } from '../verification.fixture.js';

// The Standard Webhooks test vector (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
// and the reference libraries' tests).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: Buffer.from('{"test": 2432232314}'),
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const SECRET = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
const OTHER_SECRET = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
const BODY = Buffer.from('{"type":"invoice.paid","data":{"id":"in_1"}}');

const signed = (body: Buffer, timestamp = NOW_SECONDS, secret: string | string[] = SECRET) =>
  signStandardWebhook({ secret, id: 'msg_2Lh9KRb0pzN4LePd3XiA4V', timestamp, body });
const verify = (headers: Record<string, string>, body = BODY, secret = SECRET) =>
  verifyWebhook('standard', inputOf({ secret, body, headers }));

describe('Standard Webhooks signatures', () => {
  it('accepts the published test vector and signs it identically', () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    const now = new Date(VECTOR.timestamp * 1000);
    expect(verifyWebhook('standard', inputOf({ secret: VECTOR.secret, body: VECTOR.body, headers, now }))).toEqual({
      ok: true,
      eventId: VECTOR.id,
      timestamp: VECTOR.timestamp,
    });
    expect(signStandardWebhook(VECTOR)['webhook-signature']).toBe(VECTOR.signature);
  });

  it('accepts what the standardwebhooks package signs', () => {
    const signature = new Webhook(SECRET).sign('msg_1', NOW, BODY);
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(NOW_SECONDS), 'webhook-signature': signature };
    expect(verify(headers)).toEqual({ ok: true, eventId: 'msg_1', timestamp: NOW_SECONDS });
  });

  it('signs forwards that the standardwebhooks package verifies, with either secret while one is rotated', () => {
    const timestamp = Math.floor(Date.now() / 1000); // the package checks against the wall clock
    const headers = { ...signed(BODY, timestamp, [OTHER_SECRET, SECRET]) };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(SECRET).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(OTHER_SECRET).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook('whsec_' + Buffer.from('unrelated key').toString('base64')).verify(BODY, headers)).toThrow();
  });

  it('accepts a message signed with the old and the new secret by either one', () => {
    const headers = { ...signed(BODY, NOW_SECONDS, [OTHER_SECRET, SECRET]) };
    expect(verify(headers, BODY, SECRET)).toMatchObject({ ok: true });
    expect(verify(headers, BODY, OTHER_SECRET)).toMatchObject({ ok: true });
  });

  it('refuses a tampered body, another secret, and a changed id or timestamp', () => {
    const headers = { ...signed(BODY) };
    expect(verify(headers, Buffer.from('{"type":"invoice.void"}'))).toMatchObject({ reason: 'signature_invalid' });
    expect(verify(headers, BODY, OTHER_SECRET)).toMatchObject({ reason: 'signature_invalid' });
    expect(verify({ ...headers, 'webhook-id': 'msg_other' })).toMatchObject({ reason: 'signature_invalid' });
    expect(verify({ ...headers, 'webhook-timestamp': String(NOW_SECONDS + 1) })).toMatchObject({ reason: 'signature_invalid' });
  });

  it('refuses a timestamp outside the tolerance in either direction', () => {
    expect(verify({ ...signed(BODY, NOW_SECONDS - TOLERANCE_SECONDS - 1) })).toMatchObject({ reason: 'timestamp_stale' });
    expect(verify({ ...signed(BODY, NOW_SECONDS + TOLERANCE_SECONDS + 1) })).toMatchObject({ reason: 'timestamp_stale' });
    expect(verify({ ...signed(BODY, NOW_SECONDS + TOLERANCE_SECONDS) })).toMatchObject({ ok: true });
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('says the signature is missing without %s', (name) => {
    const headers: Record<string, string> = { ...signed(BODY) };
    delete headers[name];
    expect(verify(headers)).toMatchObject({ ok: false, reason: 'signature_missing' });
  });

  it.each([
    ['a timestamp that is not digits', { 'webhook-timestamp': '1614265330.5' }],
    ['a signature of another version only', { 'webhook-signature': 'v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' }],
    ['a signature with no version', { 'webhook-signature': 'g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' }],
    ['an empty v1', { 'webhook-signature': 'v1,' }],
  ])('refuses a malformed header (%s)', (_case, override) => {
    expect(verify({ ...signed(BODY), ...override })).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('refuses, without throwing, when the secret is not whsec_<base64>', () => {
    expect(verify({ ...signed(BODY) }, BODY, 'whsec_not base64!')).toMatchObject({ reason: 'signature_invalid' });
    expect(verify({ ...signed(BODY) }, BODY, 'whsec_')).toMatchObject({ reason: 'signature_invalid' });
  });

  it('signs the exact bytes: an empty body, and non-UTF-8 bytes that decode alike are told apart', () => {
    expect(verify({ ...signed(Buffer.alloc(0)) }, Buffer.alloc(0))).toMatchObject({ ok: true });
    expect(verify({ ...signed(AWKWARD_BODY) }, AWKWARD_BODY)).toMatchObject({ ok: true });
    const lookalike = Buffer.from(AWKWARD_BODY);
    lookalike[lookalike.length - 1] = 0x81;
    expect(verify({ ...signed(AWKWARD_BODY) }, lookalike)).toMatchObject({ reason: 'signature_invalid' });
  });

  it('matches header names whatever their case', () => {
    expect(verify(upperCased({ ...signed(BODY) }))).toMatchObject({ ok: true });
  });

  it('round-trips what it signs for many secrets, ids and bodies, as the standardwebhooks package does for UTF-8 ones', () => {
    // Deterministic cases (SHAKE-256 of the case number), so a failure names a case that can be replayed.
    const bytesFor = (label: string, n: number, length: number) =>
      createHash('shake256', { outputLength: length }).update(`${label}:${n}`).digest();
    for (let n = 0; n < 100; n++) {
      const secret = `whsec_${bytesFor('secret', n, 16 + (n % 17)).toString('base64')}`;
      const id = `msg_${bytesFor('id', n, 9).toString('base64url')}`;
      const body = n % 2 === 0 ? bytesFor('body', n, n * 7) : Buffer.from(JSON.stringify({ n, text: `Zoë 😀 ${n}` }));
      const timestamp = NOW_SECONDS - (n % TOLERANCE_SECONDS);
      const headers = signStandardWebhook({ secret, id, timestamp, body });
      expect({ n, result: verify({ ...headers }, body, secret) }).toEqual({ n, result: { ok: true, eventId: id, timestamp } });
      if (n % 2 === 1) expect({ n, signature: new Webhook(secret).sign(id, new Date(timestamp * 1000), body) }).toEqual({ n, signature: headers['webhook-signature'] });
    }
  });

  it('refuses to sign with a secret that is not whsec_<base64> or a timestamp that is not whole seconds', () => {
    expect(() => signed(BODY, NOW_SECONDS, 'not a secret')).toThrow(TypeError);
    expect(() => signed(BODY, NOW_SECONDS, [])).toThrow(TypeError);
    expect(() => signed(BODY, 1.5)).toThrow(TypeError);
  });
});
