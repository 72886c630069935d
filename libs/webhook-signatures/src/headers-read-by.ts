import { GITHUB_DELIVERY_HEADER, GITHUB_SIGNATURE_HEADER } from './schemes/github.js';
import { SHOPIFY_SIGNATURE_HEADER, SHOPIFY_WEBHOOK_ID_HEADER } from './schemes/shopify.js';
import { STANDARD_ID_HEADER, STANDARD_SIGNATURE_HEADER, STANDARD_TIMESTAMP_HEADER } from './schemes/standard-webhooks.js';
import { STRIPE_SIGNATURE_HEADER } from './schemes/stripe.js';
import { CONTENT_TYPE_HEADER, TWILIO_IDEMPOTENCY_HEADER, TWILIO_SIGNATURE_HEADER } from './schemes/twilio.js';
import type { HmacSchemeOptions } from './verification.js';
import type { SignatureScheme } from './verify-webhook.js';

/**
 * The names (lower-case) of the headers a scheme reads, e.g. to log which were present without their values.
 * Scheme `hmac` reads the headers its options name.
 */
export function headersReadBy(scheme: SignatureScheme, hmac?: HmacSchemeOptions | null): string[] {
  switch (scheme) {
    case 'stripe':
      return [STRIPE_SIGNATURE_HEADER];
    case 'github':
      return [GITHUB_SIGNATURE_HEADER, GITHUB_DELIVERY_HEADER];
    case 'twilio':
      return [TWILIO_SIGNATURE_HEADER, TWILIO_IDEMPOTENCY_HEADER, CONTENT_TYPE_HEADER];
    case 'shopify':
      return [SHOPIFY_SIGNATURE_HEADER, SHOPIFY_WEBHOOK_ID_HEADER];
    case 'standard':
      return [STANDARD_ID_HEADER, STANDARD_TIMESTAMP_HEADER, STANDARD_SIGNATURE_HEADER];
    case 'hmac':
      return [hmac?.header, hmac?.timestamp_header, hmac?.event_id_header]
        .filter((name): name is string => typeof name === 'string' && name !== '')
        .map((name) => name.toLowerCase());
  }
}
