import { verifyGenericHmac } from './schemes/generic-hmac.js';
import { verifyGitHub } from './schemes/github.js';
import { verifyShopify } from './schemes/shopify.js';
import { verifyStandardWebhook } from './schemes/standard-webhooks.js';
import { verifyStripe } from './schemes/stripe.js';
import { verifyTwilio } from './schemes/twilio.js';
import type { SchemeVerifier, WebhookVerification, WebhookVerificationInput } from './verification.js';

const VERIFIERS = {
  stripe: verifyStripe,
  github: verifyGitHub,
  twilio: verifyTwilio,
  shopify: verifyShopify,
  standard: verifyStandardWebhook,
  hmac: verifyGenericHmac,
} as const satisfies Record<string, SchemeVerifier>;

/** The schemes this library verifies; the same list as the contracts' WebhookScheme. */
export type SignatureScheme = keyof typeof VERIFIERS;

/**
 * Checks one received request against its webhook's scheme and secret, over the exact raw body, comparing in
 * constant time. Never throws on what a sender sent: a missing or malformed header is a refusal.
 */
export function verifyWebhook(scheme: SignatureScheme, input: WebhookVerificationInput): WebhookVerification {
  return VERIFIERS[scheme](input);
}
