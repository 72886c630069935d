import { anySignatureMatches } from '../constant-time.js';
import { headerValue } from '../header-value.js';
import { hmacOf } from '../hmac-of.js';
import { parseUnixSeconds, withinTolerance } from '../timestamp-window.js';
import { refused, type WebhookVerification, type WebhookVerificationInput } from '../verification.js';
import { standardWebhooksKey } from './standard-webhooks-secret.js';

export const STANDARD_ID_HEADER = 'webhook-id';
export const STANDARD_TIMESTAMP_HEADER = 'webhook-timestamp';
export const STANDARD_SIGNATURE_HEADER = 'webhook-signature';

const SIGNATURE_VERSION = 'v1,';

/**
 * The `v1,<base64>` signature of one message: HMAC-SHA256 of `<id>.<timestamp>.<raw body>` with the secret's decoded
 * key bytes, over the exact body bytes. Written with node:crypto rather than the `standardwebhooks` package: its
 * sign and verify turn a Buffer body into a string first (bytes that are not UTF-8 become U+FFFD, so two different
 * bodies can share a signature), and its verify fixes the tolerance at 5 minutes against the wall clock, so neither a
 * webhook's tolerance_seconds nor an injected `now` could apply. The specs check both against the package.
 */
export function standardWebhooksSignature(key: Buffer, id: string, timestamp: number, body: Buffer): string {
  return SIGNATURE_VERSION + hmacOf('sha256', key, [`${id}.${timestamp}.`, body], 'base64');
}

/**
 * Standard Webhooks (Svix and the vendors on it): `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature`, a space-separated list of `v1,<base64>` (one per secret while a secret is rotated; other
 * versions such as the asymmetric `v1a` are skipped). The event id is `webhook-id`.
 */
export function verifyStandardWebhook(input: WebhookVerificationInput): WebhookVerification {
  const id = headerValue(input.headers, STANDARD_ID_HEADER);
  const timestampHeader = headerValue(input.headers, STANDARD_TIMESTAMP_HEADER);
  const signatureHeader = headerValue(input.headers, STANDARD_SIGNATURE_HEADER);
  if (id.kind === 'absent' || timestampHeader.kind === 'absent' || signatureHeader.kind === 'absent') {
    return refused('signature_missing', 'webhook-id, webhook-timestamp and webhook-signature are all required');
  }
  if (id.kind === 'repeated' || timestampHeader.kind === 'repeated' || signatureHeader.kind === 'repeated') {
    return refused('signature_invalid', 'a webhook-* header was sent more than once');
  }
  const timestamp = parseUnixSeconds(timestampHeader.value);
  if (timestamp === undefined) return refused('signature_invalid', 'webhook-timestamp is not Unix seconds');
  const signatures = signatureHeader.value
    .split(' ')
    .filter((signature) => signature.startsWith(SIGNATURE_VERSION));
  if (signatures.length === 0) return refused('signature_invalid', 'webhook-signature carries no v1, signature');
  const key = standardWebhooksKey(input.secret);
  if (key === undefined) return refused('signature_invalid', 'the signing secret is not whsec_<base64>');

  const expected = standardWebhooksSignature(key, id.value, timestamp, input.body);
  if (!anySignatureMatches(expected, signatures)) {
    return refused('signature_invalid', 'no v1, signature of webhook-signature matches');
  }
  return withinTolerance(timestamp, input.now, input.toleranceSeconds, id.value);
}
