import { anySignatureMatches } from '../constant-time.js';
import { headerValue } from '../header-value.js';
import { hmacOf } from '../hmac-of.js';
import { parseUnixSeconds, withinTolerance } from '../timestamp-window.js';
import { refused, type WebhookVerification, type WebhookVerificationInput } from '../verification.js';

export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';

/**
 * Stripe: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]`, each v1 an HMAC-SHA256 of `<t>.<raw body>` keyed
 * with the endpoint secret exactly as Stripe shows it (`whsec_…` is the key text, not decoded). While a secret is being
 * rolled Stripe sends one v1 per secret, so any matching v1 is enough; v0 (test-mode legacy) is never accepted.
 */
export function verifyStripe(input: WebhookVerificationInput): WebhookVerification {
  const header = headerValue(input.headers, STRIPE_SIGNATURE_HEADER);
  if (header.kind === 'absent') return refused('signature_missing', 'no Stripe-Signature header');
  if (header.kind === 'repeated') return refused('signature_invalid', 'Stripe-Signature sent more than once');

  const timestamps: string[] = [];
  const signatures: string[] = [];
  for (const item of header.value.split(',')) {
    const separator = item.indexOf('=');
    if (separator < 0) continue;
    const key = item.slice(0, separator).trim();
    const value = item.slice(separator + 1).trim();
    if (key === 't') timestamps.push(value);
    if (key === 'v1') signatures.push(value);
  }
  if (timestamps.length !== 1) return refused('signature_invalid', 'Stripe-Signature needs exactly one t=');
  const timestamp = parseUnixSeconds(timestamps[0]);
  if (timestamp === undefined) return refused('signature_invalid', 'Stripe-Signature t= is not Unix seconds');
  if (signatures.length === 0) return refused('signature_invalid', 'Stripe-Signature carries no v1= signature');

  const expected = hmacOf('sha256', input.secret, [`${timestamps[0]}.`, input.body], 'hex');
  if (!anySignatureMatches(expected, signatures.map((signature) => signature.toLowerCase()))) {
    return refused('signature_invalid', 'no v1= signature of Stripe-Signature matches');
  }
  return withinTolerance(timestamp, input.now, input.toleranceSeconds, stripeEventId(input.body));
}

/** Stripe names the event in the body (`evt_…`); a body that is not a JSON object with a string `id` has none. */
function stripeEventId(body: Buffer): string | undefined {
  let event: unknown;
  try {
    event = JSON.parse(body.toString('utf8'));
  } catch {
    // A verified body that is not JSON is still Stripe's to send; it just carries no event id.
    return undefined;
  }
  if (typeof event !== 'object' || event === null || !('id' in event)) return undefined;
  return typeof event.id === 'string' && event.id !== '' ? event.id : undefined;
}
