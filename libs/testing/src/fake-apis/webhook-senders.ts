// Webhook senders for tests: each signs a payload the way its vendor's documentation says, with node:crypto only.
// They are written apart from @switchboard/webhook-signatures (lint forbids importing it here), so a test that sends
// with them checks the verifier against the vendors' published algorithms, not against itself.
import { createHash, createHmac, randomUUID } from 'node:crypto';

/** What a test POSTs: these headers and exactly these bytes, to `url` where the sender decides it (Twilio). */
export interface SignedWebhook {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

const JSON_CONTENT = 'application/json';
const unixNow = () => Math.floor(Date.now() / 1000);
const bytesOf = (body: string | Buffer) => (typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
/** A JSON webhook to the given URL with the vendor's headers. */
const jsonWebhook = (url: string, body: Buffer, headers: Record<string, string>): SignedWebhook => ({
  url,
  body,
  headers: { 'Content-Type': JSON_CONTENT, ...headers },
});

/**
 * Stripe (https://docs.stripe.com/webhooks#verify-manually): `Stripe-Signature: t=<unix>,v1=<hex>`, the HMAC-SHA256
 * of `<t>.<payload>` keyed with the endpoint secret's text; one v1 per secret while secrets are rolled.
 */
export function stripeWebhook(input: {
  url: string;
  secrets: readonly string[];
  body: string | Buffer;
  timestamp?: number;
}): SignedWebhook {
  const body = bytesOf(input.body);
  const t = input.timestamp ?? unixNow();
  const v1s = input.secrets.map(
    (secret) => 'v1=' + createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex'),
  );
  return jsonWebhook(input.url, body, { 'Stripe-Signature': [`t=${t}`, ...v1s].join(',') });
}

/**
 * GitHub (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries): `X-Hub-Signature-256:
 * sha256=<hex HMAC-SHA256 of the payload>`, with `X-GitHub-Delivery` (a GUID) and `X-GitHub-Event`.
 */
export function githubWebhook(input: {
  url: string;
  secret: string;
  body: string | Buffer;
  event?: string;
  deliveryId?: string;
}): SignedWebhook {
  const body = bytesOf(input.body);
  const signature = createHmac('sha256', input.secret).update(body).digest('hex');
  const delivery = input.deliveryId ?? randomUUID();
  return jsonWebhook(input.url, body, {
    'X-GitHub-Event': input.event ?? 'push',
    'X-GitHub-Delivery': delivery,
    'X-Hub-Signature-256': `sha256=${signature}`,
  });
}

/**
 * Twilio (https://www.twilio.com/docs/usage/security#validating-requests): `X-Twilio-Signature`, the base64
 * HMAC-SHA1 keyed with the auth token of the URL followed, for a form, by each parameter name and value sorted by
 * name. For a JSON body Twilio adds `bodySHA256=<hex SHA-256 of the body>` to the URL it calls and signs that URL.
 */
export function twilioWebhook(
  input: { url: string; authToken: string; idempotencyToken?: string } & (
    | { params: Record<string, string> }
    | { json: string }
  ),
): SignedWebhook {
  const idempotency = { 'I-Twilio-Idempotency-Token': input.idempotencyToken ?? randomUUID() };
  if ('json' in input) {
    const body = Buffer.from(input.json, 'utf8');
    const called = new URL(input.url);
    called.searchParams.append('bodySHA256', createHash('sha256').update(body).digest('hex'));
    const url = called.toString();
    const signature = createHmac('sha1', input.authToken).update(url).digest('base64');
    return jsonWebhook(url, body, { 'X-Twilio-Signature': signature, ...idempotency });
  }
  const names = Object.keys(input.params).sort();
  const signed = input.url + names.map((name) => name + input.params[name]).join('');
  return {
    url: input.url,
    body: Buffer.from(new URLSearchParams(input.params).toString(), 'utf8'),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': createHmac('sha1', input.authToken).update(signed, 'utf8').digest('base64'),
      ...idempotency,
    },
  };
}

/**
 * Shopify (https://shopify.dev/docs/apps/build/webhooks/subscribe/https): `X-Shopify-Hmac-Sha256`, the base64
 * HMAC-SHA256 of the raw body keyed with the app's client secret, with `X-Shopify-Webhook-Id` and `X-Shopify-Topic`.
 */
export function shopifyWebhook(input: {
  url: string;
  secret: string;
  body: string | Buffer;
  topic?: string;
  webhookId?: string;
}): SignedWebhook {
  const body = bytesOf(input.body);
  return jsonWebhook(input.url, body, {
    'X-Shopify-Topic': input.topic ?? 'orders/create',
    'X-Shopify-Webhook-Id': input.webhookId ?? randomUUID(),
    'X-Shopify-Hmac-Sha256': createHmac('sha256', input.secret).update(body).digest('base64'),
  });
}

/**
 * Standard Webhooks (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
 * `webhook-id`, `webhook-timestamp` and `webhook-signature: v1,<base64>`, the HMAC-SHA256 of `<id>.<timestamp>.<body>`
 * keyed with the base64-decoded part of the `whsec_…` secret; one `v1,` per secret, space-separated.
 */
export function standardWebhook(input: {
  url: string;
  secrets: readonly string[];
  body: string | Buffer;
  id?: string;
  timestamp?: number;
}): SignedWebhook {
  const body = bytesOf(input.body);
  const id = input.id ?? `msg_${randomUUID()}`;
  const timestamp = String(input.timestamp ?? unixNow());
  const signatures = input.secrets.map((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
  });
  return jsonWebhook(input.url, body, {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  });
}

/** A generic HMAC sender's settings, as a webhook of scheme `hmac` describes them. */
export interface GenericHmacSettings {
  algorithm: 'sha256' | 'sha512';
  encoding: 'hex' | 'base64';
  header: string;
  prefix?: string;
  signed_content?: string;
  timestamp_header?: string;
  event_id_header?: string;
}

/**
 * A sender signing with a generic HMAC: `signed_content` with `{timestamp}` and `{url}` written in and `{body}` the
 * raw bytes, digested and encoded as configured, after `prefix` in `header`.
 */
export function genericHmacWebhook(input: {
  url: string;
  secret: string;
  settings: GenericHmacSettings;
  body: string | Buffer;
  timestamp?: number;
  eventId?: string;
}): SignedWebhook {
  const body = bytesOf(input.body);
  const { settings } = input;
  const timestamp = String(input.timestamp ?? unixNow());
  const textParts = (settings.signed_content ?? '{body}')
    .replaceAll('{timestamp}', timestamp)
    .replaceAll('{url}', input.url)
    .split('{body}');
  const hmac = createHmac(settings.algorithm, input.secret);
  textParts.forEach((text, index) => {
    if (index > 0) hmac.update(body);
    hmac.update(text, 'utf8');
  });
  const headers: Record<string, string> = { [settings.header]: (settings.prefix ?? '') + hmac.digest(settings.encoding) };
  if (settings.timestamp_header) headers[settings.timestamp_header] = timestamp;
  if (settings.event_id_header) headers[settings.event_id_header] = input.eventId ?? randomUUID();
  return jsonWebhook(input.url, body, headers);
}
