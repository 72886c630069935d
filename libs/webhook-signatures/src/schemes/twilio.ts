import { createHash } from 'node:crypto';
import { signaturesMatch } from '../constant-time.js';
import { headerValue, optionalHeader } from '../header-value.js';
import { hmacOf } from '../hmac-of.js';
import { refused, type WebhookVerification, type WebhookVerificationInput } from '../verification.js';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';
export const TWILIO_IDEMPOTENCY_HEADER = 'i-twilio-idempotency-token';
export const CONTENT_TYPE_HEADER = 'content-type';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const BODY_HASH_PARAMETER = 'bodySHA256';
const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'https:': '443', 'http:': '80' };
/** The authority of an absolute URL as written, with its `:port` apart when there is one. */
const AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*?)(:\d*)?(?=[/?#]|$)/i;

/**
 * Twilio: `X-Twilio-Signature: <base64>`, an HMAC-SHA1 keyed with the auth token over the full URL as Twilio called
 * it, then, for a form body, every parameter's name and value (sorted by name, then value) with no separators. A JSON
 * body is not signed itself: Twilio adds `bodySHA256=<hex SHA-256 of the body>` to the URL's query and signs the URL
 * alone, so that hash is checked too. The event id is `I-Twilio-Idempotency-Token`.
 */
export function verifyTwilio(input: WebhookVerificationInput): WebhookVerification {
  const header = headerValue(input.headers, TWILIO_SIGNATURE_HEADER);
  if (header.kind === 'absent') return refused('signature_missing', 'no X-Twilio-Signature header');
  if (header.kind === 'repeated') return refused('signature_invalid', 'X-Twilio-Signature sent more than once');
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    // The URL comes from our own gateway, but an unparseable one can only fail verification, never crash it.
    return refused('signature_invalid', 'the receive URL is not an absolute URL');
  }

  const bodyHash = url.searchParams.get(BODY_HASH_PARAMETER);
  let signedParameters = '';
  if (bodyHash !== null) {
    const actualHash = createHash('sha256').update(input.body).digest('hex');
    if (!signaturesMatch(actualHash, bodyHash.toLowerCase())) {
      return refused('signature_invalid', 'the body does not match the bodySHA256 of the URL');
    }
  } else if (isForm(input.headers)) {
    signedParameters = sortedFormParameters(input.body);
  } else if (input.body.length > 0) {
    return refused('signature_invalid', 'a body that is neither a form nor covered by bodySHA256 is not signed');
  }

  const expected = urlSpellings(input.url, url.protocol).map((spelling) =>
    hmacOf('sha1', input.secret, [spelling, signedParameters], 'base64'),
  );
  const matched = expected.map((signature) => signaturesMatch(signature, header.value)).includes(true);
  if (!matched) return refused('signature_invalid', 'X-Twilio-Signature does not match');
  return { ok: true, eventId: optionalHeader(input.headers, TWILIO_IDEMPOTENCY_HEADER) };
}

function isForm(headers: WebhookVerificationInput['headers']): boolean {
  const contentType = optionalHeader(headers, CONTENT_TYPE_HEADER);
  return contentType?.split(';')[0].trim().toLowerCase() === FORM_CONTENT_TYPE;
}

/** Names and values of a form body, each pair concatenated, in the order Twilio signs them. */
function sortedFormParameters(body: Buffer): string {
  const pairs = [...new URLSearchParams(body.toString('utf8'))];
  pairs.sort(([nameA, valueA], [nameB, valueB]) => compareCodeUnits(nameA, nameB) || compareCodeUnits(valueA, valueB));
  return pairs.map(([name, value]) => name + value).join('');
}

/** UTF-16 code unit order, as Twilio's own libraries sort (the same as code points for the ASCII names Twilio sends). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The URL as received and with its default port toggled (`https://host/x` and `https://host:443/x`): depending on
 * the product, Twilio signs one or the other, and its own libraries accept both.
 */
function urlSpellings(url: string, protocol: string): string[] {
  const defaultPort = DEFAULT_PORTS[protocol];
  const authority = AUTHORITY.exec(url);
  if (defaultPort === undefined || authority === null) return [url];
  const [whole, withoutPort, port] = authority;
  const rest = url.slice(whole.length);
  if (port === undefined) return [url, `${withoutPort}:${defaultPort}${rest}`];
  if (port === `:${defaultPort}`) return [url, withoutPort + rest];
  return [url];
}
