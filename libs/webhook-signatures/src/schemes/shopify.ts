import { signaturesMatch } from '../constant-time.js';
import { headerValue, optionalHeader } from '../header-value.js';
import { hmacOf } from '../hmac-of.js';
import { refused, type WebhookVerification, type WebhookVerificationInput } from '../verification.js';

export const SHOPIFY_SIGNATURE_HEADER = 'x-shopify-hmac-sha256';
export const SHOPIFY_WEBHOOK_ID_HEADER = 'x-shopify-webhook-id';

/**
 * Shopify: `X-Shopify-Hmac-Sha256: <base64>`, an HMAC-SHA256 of the raw body keyed with the app's client secret
 * text; the event id is `X-Shopify-Webhook-Id`. Shopify signs no timestamp, so there is no window to check.
 */
export function verifyShopify(input: WebhookVerificationInput): WebhookVerification {
  const header = headerValue(input.headers, SHOPIFY_SIGNATURE_HEADER);
  if (header.kind === 'absent') return refused('signature_missing', 'no X-Shopify-Hmac-Sha256 header');
  if (header.kind === 'repeated') return refused('signature_invalid', 'X-Shopify-Hmac-Sha256 sent more than once');
  const expected = hmacOf('sha256', input.secret, [input.body], 'base64');
  if (!signaturesMatch(expected, header.value)) return refused('signature_invalid', 'X-Shopify-Hmac-Sha256 does not match');
  return { ok: true, eventId: optionalHeader(input.headers, SHOPIFY_WEBHOOK_ID_HEADER) };
}
