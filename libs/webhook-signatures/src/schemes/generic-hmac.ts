import { signaturesMatch } from '../constant-time.js';
import { headerValue, optionalHeader } from '../header-value.js';
import { hmacOf } from '../hmac-of.js';
import { parseUnixSeconds, withinTolerance } from '../timestamp-window.js';
import { refused, type WebhookVerification, type WebhookVerificationInput } from '../verification.js';

const DEFAULT_SIGNED_CONTENT = '{body}';
/** Splits a template into its text and its placeholders (kept, as odd items, by the capture group). */
const PLACEHOLDER = /(\{(?:body|timestamp|url)\})/;

/**
 * A generic HMAC (sha256 or sha512, hex or base64) in one configurable header, after an optional prefix, over a
 * template of `{body}` (the raw bytes), `{timestamp}` (the timestamp header's text) and `{url}`. With a
 * `timestamp_header` the tolerance applies; the event id is the `event_id_header`'s value.
 */
export function verifyGenericHmac(input: WebhookVerificationInput): WebhookVerification {
  const options = input.hmac;
  if (!options) return refused('signature_invalid', 'scheme hmac needs its hmac options');
  const header = headerValue(input.headers, options.header);
  if (header.kind === 'absent') return refused('signature_missing', `no ${options.header} header`);
  if (header.kind === 'repeated') return refused('signature_invalid', `${options.header} sent more than once`);
  const prefix = options.prefix ?? '';
  if (!header.value.startsWith(prefix)) return refused('signature_invalid', `${options.header} does not start with ${prefix}`);

  const template = options.signed_content ?? DEFAULT_SIGNED_CONTENT;
  let timestampText: string | undefined;
  if (options.timestamp_header) {
    const timestampHeader = headerValue(input.headers, options.timestamp_header);
    if (timestampHeader.kind === 'absent') return refused('signature_missing', `no ${options.timestamp_header} header`);
    if (timestampHeader.kind === 'repeated') {
      return refused('signature_invalid', `${options.timestamp_header} sent more than once`);
    }
    timestampText = timestampHeader.value;
  } else if (template.includes('{timestamp}')) {
    return refused('signature_invalid', 'signed_content uses {timestamp} but no timestamp_header is configured');
  }
  const timestamp = timestampText === undefined ? undefined : parseUnixSeconds(timestampText);
  if (timestampText !== undefined && timestamp === undefined) {
    return refused('signature_invalid', `${options.timestamp_header} is not Unix seconds`);
  }

  const signedPieces = signedContent(template, { body: input.body, timestamp: timestampText ?? '', url: input.url });
  const expected = hmacOf(options.algorithm, input.secret, signedPieces, options.encoding);
  const received = header.value.slice(prefix.length);
  if (!signaturesMatch(expected, options.encoding === 'hex' ? received.toLowerCase() : received)) {
    return refused('signature_invalid', `${options.header} does not match`);
  }
  const eventId = options.event_id_header ? optionalHeader(input.headers, options.event_id_header) : undefined;
  if (timestamp === undefined) return { ok: true, eventId };
  return withinTolerance(timestamp, input.now, input.toleranceSeconds, eventId);
}

interface SignedValues {
  body: Buffer;
  timestamp: string;
  url: string;
}

/** The template's pieces in order, the body as its raw bytes and the rest as UTF-8 text. */
function signedContent(template: string, values: SignedValues): (string | Buffer)[] {
  return template.split(PLACEHOLDER).map((piece, index) => {
    if (index % 2 === 0) return piece;
    if (piece === '{body}') return values.body;
    return piece === '{timestamp}' ? values.timestamp : values.url;
  });
}
