import { FETCH_HEADER_VALUE_MAX_LENGTH, FETCH_URL_MAX_LENGTH, isSendableHeaderValue, type HttpMethod, type IntegrationFetchBody } from '@switchboard/contracts';
import { fieldFailure } from '@switchboard/platform';
import type { OutboundRequest } from '../outbound/outbound-request.js';

/**
 * Largest upstream body a fetch hands back. The reply crosses NATS (1 MiB messages by default) in base64, which
 * grows it by a third, next to the upstream's headers.
 */
export const FETCH_MAX_RESPONSE_BYTES = 640 * 1024;

const BODYLESS_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);

/**
 * The method of a fetch: the caller's, else GET without a body and POST with one (the seed sends a body and no
 * method). Like fetch(), refuses a body on GET or HEAD. Checked before any secret is resolved.
 */
export function fetchMethodOf(fetch: Pick<IntegrationFetchBody, 'method' | 'body'>): HttpMethod {
  const method = fetch.method ?? (fetch.body === undefined ? 'GET' : 'POST');
  if (fetch.body !== undefined && BODYLESS_METHODS.has(method)) throw fieldFailure('body', `body is not allowed with ${method}`);
  return method;
}

/**
 * The outbound request of a fetch whose secret references are substituted. Checks what only substitution can
 * reveal (the URL, header values) and never puts a value in an error: the field is named, not its content.
 * Sent once, as fetch() sends it: the caller sees every 429 and 5xx and decides about retrying.
 */
export function buildFetchOutboundRequest(fetch: IntegrationFetchBody, method: HttpMethod): OutboundRequest {
  const headers: Record<string, string> = { ...(fetch.headers ?? {}) };
  for (const [name, value] of Object.entries(headers)) {
    if (!isSendableHeaderValue(value)) {
      throw fieldFailure(
        `headers.${name}`,
        `headers.${name} must be at most ${FETCH_HEADER_VALUE_MAX_LENGTH} Latin-1 characters on one line once secrets are substituted`,
      );
    }
  }
  const request: OutboundRequest = { method, url: fetchUrl(fetch.url), headers, maxAttempts: 1, maxResponseBytes: FETCH_MAX_RESPONSE_BYTES };
  if (fetch.body === undefined) return request;
  // The content types fetch() itself would pick for a string and for JSON.
  const [body, contentType] = typeof fetch.body === 'string' ? [fetch.body, 'text/plain;charset=UTF-8'] : [JSON.stringify(fetch.body), 'application/json'];
  request.body = body;
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = contentType;
  return request;
}

function fetchUrl(text: string): URL {
  const url = text.length <= FETCH_URL_MAX_LENGTH ? URL.parse(text) : null;
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || url.username !== '' || url.password !== '') {
    throw fieldFailure('url', 'url must be an absolute http(s) URL without credentials once secrets are substituted');
  }
  return url;
}
