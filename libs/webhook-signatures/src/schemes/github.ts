import { signaturesMatch } from '../constant-time.js';
import { headerValue, optionalHeader } from '../header-value.js';
import { hmacOf } from '../hmac-of.js';
import { refused, type WebhookVerification, type WebhookVerificationInput } from '../verification.js';

export const GITHUB_SIGNATURE_HEADER = 'x-hub-signature-256';
export const GITHUB_DELIVERY_HEADER = 'x-github-delivery';

const SIGNATURE_PREFIX = 'sha256=';

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex>`, an HMAC-SHA256 of the raw body keyed with the secret's text; the event
 * id is `X-GitHub-Delivery`. The legacy SHA-1 `X-Hub-Signature` is not accepted. Computed here rather than with
 * @octokit/webhooks-methods, whose verify takes the payload as a string (so bytes that are not UTF-8 are lost before
 * they are hashed), throws on an empty payload and is async.
 */
export function verifyGitHub(input: WebhookVerificationInput): WebhookVerification {
  const header = headerValue(input.headers, GITHUB_SIGNATURE_HEADER);
  if (header.kind === 'absent') return refused('signature_missing', 'no X-Hub-Signature-256 header');
  if (header.kind === 'repeated') return refused('signature_invalid', 'X-Hub-Signature-256 sent more than once');
  if (!header.value.toLowerCase().startsWith(SIGNATURE_PREFIX)) {
    return refused('signature_invalid', 'X-Hub-Signature-256 does not start with sha256=');
  }
  const received = header.value.slice(SIGNATURE_PREFIX.length).toLowerCase();
  const expected = hmacOf('sha256', input.secret, [input.body], 'hex');
  if (!signaturesMatch(expected, received)) return refused('signature_invalid', 'X-Hub-Signature-256 does not match');
  return { ok: true, eventId: optionalHeader(input.headers, GITHUB_DELIVERY_HEADER) };
}
