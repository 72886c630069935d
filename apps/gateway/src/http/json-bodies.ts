import { ErrorCode } from '@switchboard/contracts';
import { BODY_FIELD, DomainError, fieldFailure } from '@switchboard/platform';
import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { isWebhookReceiptRoute } from '../webhooks/webhook-bodies.js';

/** The one media type a request body may have (any parameters, such as a charset, allowed). */
export const BODY_MEDIA_TYPE = 'application/json';

// Each key secure-json-parse refuses, checked one at a time: its error says the same for both.
const FORBIDDEN_KEYS: [options: secureJson.ScanOptions, message: string][] = [
  [{ protoAction: 'error', constructorAction: 'ignore' }, 'The request body must not have a "__proto__" key'],
  [{ protoAction: 'ignore', constructorAction: 'error' }, 'The request body must not have a "constructor" key holding "prototype"'],
];

/**
 * Makes JSON the only body the gateway reads. Fastify's text/plain parser and Nest's urlencoded one are removed (the
 * app is created with `bodyParser: false`), and every other content type is refused with {@link unsupportedMediaType}.
 * Keys that would reach an object's prototype are refused, as fastify does. An empty body is no body, as it is
 * without a Content-Type: browsers and many clients label a bodiless DELETE as JSON. The one exception is the webhook
 * receipt route, whose body is handed over as the bytes that came, of any content type: senders sign those bytes.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(BODY_MEDIA_TYPE, { parseAs: 'buffer' }, (request, bytes, done) => {
    if (isWebhookReceiptRoute(request)) return done(null, bytes);
    try {
      done(null, readBody((bytes as Buffer).toString('utf8')));
    } catch (error) {
      done(error as DomainError, undefined);
    }
  });
  // Every other content type (and none, with a body): only the webhook receipt route reads it.
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, bytes, done) => {
    if (isWebhookReceiptRoute(request)) return done(null, bytes);
    done(unsupportedMediaType(request.headers['content-type']), undefined);
  });
}

function readBody(text: string): unknown {
  if (text === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A fixed message: the parser's own quotes a piece of the body, which may be a secret value.
    throw fieldFailure(BODY_FIELD, 'The request body could not be read: it must be valid JSON');
  }
  if (typeof value !== 'object' || value === null || !mayHoldForbiddenKey(text)) return value;
  for (const [options, message] of FORBIDDEN_KEYS) {
    try {
      secureJson.scan(value, options);
    } catch {
      throw fieldFailure(BODY_FIELD, message);
    }
  }
  return value;
}

// Only a text naming one of the keys, or holding a \u escape that could spell one, is walked: most bodies are not.
function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
}

/** The refusal of a body sent as anything but JSON, naming the media type it came as. */
export function unsupportedMediaType(contentType: string | undefined): DomainError {
  const expected = `request bodies must be ${BODY_MEDIA_TYPE}`;
  if (contentType === undefined) return new DomainError(ErrorCode.UnsupportedMediaType, `A body without a Content-Type is not accepted: ${expected}`, {});
  // Parameters (a multipart boundary) say nothing about the refusal, and the header is the caller's: keep it short.
  const mediaType = (contentType.split(';')[0] ?? '').trim().slice(0, 100);
  return new DomainError(ErrorCode.UnsupportedMediaType, `Content-Type ${mediaType} is not accepted: ${expected}`, { content_type: mediaType });
}

/** The refusal of a body over the route's limit: GATEWAY_BODY_LIMIT_BYTES, or the import routes' own. */
export function bodyTooLarge(limitBytes: number, setting = 'GATEWAY_BODY_LIMIT_BYTES'): DomainError {
  return new DomainError(ErrorCode.PayloadTooLarge, `The request body is larger than ${limitBytes} bytes (${setting})`, { limit_bytes: limitBytes });
}
