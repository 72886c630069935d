import type { ActionRunInput } from '@switchboard/contracts';
import type { OutboundRequest } from '../outbound/outbound-request.js';
import { buildActionUrl } from './action-url.js';
import { encodeRequestBody } from './request-body-encoding.js';
import type { RunTarget } from './run-target.js';

const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

/** The value of the input's `Idempotency-Key` header (any case), unless absent or empty. */
export function idempotencyKeyOf(input: ActionRunInput): string | undefined {
  const key = Object.entries(input.headers ?? {}).find(([name]) => name.toLowerCase() === 'idempotency-key')?.[1];
  return key === '' ? undefined : key;
}

/**
 * The outbound request of a run, from its target and its input with secret references already substituted. An
 * `Idempotency-Key` header (any case) becomes the request's idempotency key: the upstream can then deduplicate, so
 * the outbound client may retry even a POST on a connection error, a 429 or a 5xx.
 */
export function buildOutboundRequest(target: RunTarget, input: ActionRunInput): OutboundRequest {
  const headers: Record<string, string> = { ...(input.headers ?? {}) };
  const request: OutboundRequest = {
    method: target.method,
    url: buildActionUrl(target.baseUrl, target.path, input.params, input.query),
    headers,
    timeouts: target.timeouts,
  };
  const idempotencyKey = idempotencyKeyOf(input);
  if (idempotencyKey !== undefined) request.idempotencyKey = idempotencyKey;
  if (input.body !== undefined && !BODYLESS_METHODS.has(target.method)) {
    const encoded = encodeRequestBody(input.body, target.requestType);
    request.body = encoded.body;
    const callerSetContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (encoded.contentType && !callerSetContentType) headers['content-type'] = encoded.contentType;
  }
  return request;
}
