export { verifyWebhook, type SignatureScheme } from './verify-webhook.js';
export { signStandardWebhook, type StandardWebhookHeaders, type StandardWebhookToSign } from './sign-standard-webhook.js';
export { headersReadBy } from './headers-read-by.js';
export type {
  HmacSchemeOptions,
  VerificationFailureReason,
  WebhookHeaders,
  WebhookVerification,
  WebhookVerificationInput,
} from './verification.js';
