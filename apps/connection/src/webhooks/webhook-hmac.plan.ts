import { WEBHOOK_DEFAULT_SIGNED_CONTENT, type WebhookHmacOptions, type WebhookHmacView, type WebhookScheme } from '@switchboard/contracts';
import { fieldFailure } from '@switchboard/platform';

/**
 * The generic HMAC options a webhook of `scheme` stores: given ones with defaults filled in, else those stored, and
 * none for any other scheme. Throws, naming the field, when they do not go with the scheme.
 */
export function plannedHmac(scheme: WebhookScheme, given: WebhookHmacOptions | undefined, stored: WebhookHmacView | null): WebhookHmacView | null {
  if (scheme !== 'hmac') {
    if (given !== undefined) throw fieldFailure('hmac', `hmac is only for scheme 'hmac', not '${scheme}'`);
    return null;
  }
  const options = given === undefined ? stored : hmacViewOf(given);
  if (options === null) throw fieldFailure('hmac', "hmac is required for scheme 'hmac': give its algorithm, encoding and header");
  if (options.signed_content.includes('{timestamp}') && options.timestamp_header === null) {
    throw fieldFailure('hmac.timestamp_header', 'hmac.timestamp_header is required when hmac.signed_content uses {timestamp}');
  }
  return options;
}

function hmacViewOf(options: WebhookHmacOptions): WebhookHmacView {
  return {
    algorithm: options.algorithm,
    encoding: options.encoding,
    header: options.header,
    prefix: options.prefix ?? '',
    signed_content: options.signed_content ?? WEBHOOK_DEFAULT_SIGNED_CONTENT,
    timestamp_header: options.timestamp_header ?? null,
    event_id_header: options.event_id_header ?? null,
  };
}
