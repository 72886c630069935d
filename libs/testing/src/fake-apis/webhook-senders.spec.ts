import { createHash } from 'node:crypto';
import {
  verifyWebhook,
  type HmacSchemeOptions,
  type SignatureScheme,
  type WebhookVerification,
} from '@switchboard/webhook-signatures';
import {
  genericHmacWebhook,
  githubWebhook,
  shopifyWebhook,
  standardWebhook,
  stripeWebhook,
  twilioWebhook,
  type SignedWebhook,
} from './webhook-senders.js';

const RECEIVE_URL = 'https://switchboard.example.test/hooks/whk_0123456789abcdefABCDEF01';
const NOW_SECONDS = 1_780_000_000;
const TOLERANCE_SECONDS = 300;
const CASES = 60;

/** Deterministic bytes for case `n`, so every run checks the same inputs and a failure names the case that broke. */
function bytesFor(label: string, n: number, length: number): Buffer {
  return createHash('shake256', { outputLength: length }).update(`${label}:${n}`).digest();
}

/** Bodies of every kind the senders must sign byte for byte: empty, JSON with non-ASCII text, and arbitrary bytes. */
function bodyFor(n: number): Buffer {
  if (n % 10 === 0) return Buffer.alloc(0);
  if (n % 3 === 0) return Buffer.from(JSON.stringify({ id: `evt_${n}`, text: `Zoë 😀 ש ${n}` }));
  return bytesFor('body', n, 1 + (bytesFor('length', n, 1)[0] % 200));
}

const textSecretFor = (n: number) => bytesFor('secret', n, 24).toString('base64url');
const standardSecretFor = (n: number) => `whsec_${bytesFor('secret', n, 24).toString('base64')}`;

interface Sent {
  scheme: SignatureScheme;
  secret: string;
  signed: SignedWebhook;
  hmac?: HmacSchemeOptions;
  expected: WebhookVerification;
}

const HMAC_SETTINGS = [
  { algorithm: 'sha256', encoding: 'hex', header: 'X-Signature', prefix: 'sha256=' },
  {
    algorithm: 'sha512',
    encoding: 'base64',
    header: 'X-Sig',
    signed_content: '{timestamp}.{url}.{body}',
    timestamp_header: 'X-Timestamp',
    event_id_header: 'X-Event-Id',
  },
] as const;

/** One webhook of each scheme for case `n`, sent by the vendors' senders, and what verifying it must give. */
function sentFor(n: number): Sent[] {
  const body = bodyFor(n);
  const timestamp = NOW_SECONDS - (n % TOLERANCE_SECONDS);
  const secret = textSecretFor(n);
  const standardSecret = standardSecretFor(n);
  const stripeId = body.length > 0 && n % 3 === 0 ? `evt_${n}` : undefined;
  const params = { MessageSid: `SM${n}`, Body: `Zoë 😀 ${n}`, From: '+15005550006', [`Extra${n % 7}`]: 'x y&z=1' };
  const hmacSettings = HMAC_SETTINGS[n % 2];
  return [
    {
      scheme: 'stripe',
      secret: `whsec_${secret}`,
      signed: stripeWebhook({ url: RECEIVE_URL, secrets: ['whsec_rolled_out', `whsec_${secret}`], body, timestamp }),
      expected: { ok: true, eventId: stripeId, timestamp },
    },
    {
      scheme: 'github',
      secret,
      signed: githubWebhook({ url: RECEIVE_URL, secret, body, deliveryId: `delivery-${n}` }),
      expected: { ok: true, eventId: `delivery-${n}` },
    },
    {
      scheme: 'twilio',
      secret,
      signed: twilioWebhook({ url: RECEIVE_URL, authToken: secret, params, idempotencyToken: `idem-${n}` }),
      expected: { ok: true, eventId: `idem-${n}` },
    },
    {
      scheme: 'twilio',
      secret,
      signed: twilioWebhook({ url: RECEIVE_URL, authToken: secret, json: JSON.stringify(params), idempotencyToken: `idem-${n}` }),
      expected: { ok: true, eventId: `idem-${n}` },
    },
    {
      scheme: 'shopify',
      secret,
      signed: shopifyWebhook({ url: RECEIVE_URL, secret, body, webhookId: `shop-${n}` }),
      expected: { ok: true, eventId: `shop-${n}` },
    },
    {
      scheme: 'standard',
      secret: standardSecret,
      signed: standardWebhook({ url: RECEIVE_URL, secrets: [standardSecretFor(n + 1000), standardSecret], body, id: `msg_${n}`, timestamp }),
      expected: { ok: true, eventId: `msg_${n}`, timestamp },
    },
    {
      scheme: 'hmac',
      secret,
      hmac: hmacSettings,
      signed: genericHmacWebhook({ url: RECEIVE_URL, secret, settings: hmacSettings, body, timestamp, eventId: `gen-${n}` }),
      expected: 'timestamp_header' in hmacSettings ? { ok: true, eventId: `gen-${n}`, timestamp } : { ok: true, eventId: undefined },
    },
  ];
}

const verify = (sent: Sent, signed = sent.signed) =>
  verifyWebhook(sent.scheme, {
    secret: sent.secret,
    body: signed.body,
    headers: signed.headers,
    url: signed.url,
    toleranceSeconds: TOLERANCE_SECONDS,
    now: new Date(NOW_SECONDS * 1000),
    hmac: sent.hmac,
  });

/** The same webhook with one byte of its signed content changed: a body byte, or a form value when Twilio signs those. */
function tampered(signed: SignedWebhook): SignedWebhook {
  const body = Buffer.from(signed.body.length > 0 ? signed.body : Buffer.from(' '));
  body[0] ^= 0x01;
  return { ...signed, body };
}

describe('the webhook senders and the verifier agree', () => {
  const cases = Array.from({ length: CASES }, (_, n) => sentFor(n)).flat();

  it('covers every scheme', () => {
    expect(new Set(cases.map((sent) => sent.scheme))).toEqual(new Set(['stripe', 'github', 'twilio', 'shopify', 'standard', 'hmac']));
  });

  it('accepts every webhook as sent, with its event id and timestamp', () => {
    expect(cases.map((sent) => verify(sent))).toEqual(cases.map((sent) => sent.expected));
  });

  it('refuses every webhook with one byte of its body changed', () => {
    const accepted = cases.filter((sent) => verify(sent, tampered(sent.signed)).ok);
    expect(accepted.map((sent) => ({ scheme: sent.scheme, body: sent.signed.body.toString('base64') }))).toEqual([]);
  });

  it('refuses every webhook checked against another secret', () => {
    const accepted = cases.filter((sent) => verify({ ...sent, secret: sent.scheme === 'standard' ? standardSecretFor(-1) : 'wrong' }).ok);
    expect(accepted.map((sent) => sent.scheme)).toEqual([]);
  });
});
