import type { IntegrationFetchBody as IntegrationFetchBodyContract } from '@switchboard/contracts';
import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';
import type { IntegrationFetchInit, IntegrationFetchReply } from './types.js';

/** Body of `POST /v1/integrations/fetch`; the gateway checks the upper-cased method. */
export type IntegrationFetchBody = IntegrationFetchInit & Pick<IntegrationFetchBodyContract, 'url'>;

// Statuses whose responses never have a body; `new Response` refuses one for them.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** The gateway request body for `integrations.fetch(input, init)`, or an `invalid_argument` error naming what is wrong. */
export function integrationFetchBody(input: string | URL, init: IntegrationFetchInit = {}): IntegrationFetchBody {
  // Checked at run time too: plain JavaScript callers can pass anything.
  const url: unknown = input instanceof URL ? input.href : input;
  if (typeof url !== 'string' || url === '') throw invalidArgument('input must be a URL string or a URL object');
  const request: IntegrationFetchBody = { url };
  if (init.method !== undefined) {
    if (typeof init.method !== 'string') throw invalidArgument('init.method must be a string');
    request.method = init.method.toUpperCase();
  }
  if (init.headers !== undefined) {
    if (!isPlainObject(init.headers) || !Object.values(init.headers).every((value) => typeof value === 'string')) {
      throw invalidArgument('init.headers must be an object of string values');
    }
    request.headers = init.headers;
  }
  if (init.body !== undefined) {
    if (typeof init.body !== 'string' && !isPlainObject(init.body) && !Array.isArray(init.body)) {
      throw invalidArgument('init.body must be a string, or an object or array to send as JSON');
    }
    request.body = init.body;
  }
  return request;
}

/** A standard Response carrying the upstream's status, headers and body bytes, so it reads like fetch()'s. */
export function responseOf(reply: IntegrationFetchReply): Response {
  if (!Number.isInteger(reply.status) || reply.status < 200 || reply.status > 599) {
    throw new SwitchboardError({
      code: SdkErrorCode.InvalidResponse,
      message: `integrations.fetch got an upstream status ${reply.status}, which a Response cannot carry`,
      details: { upstream_status: reply.status },
    });
  }
  const body = NULL_BODY_STATUSES.has(reply.status) ? null : bytesOf(reply.body_base64);
  return new Response(body, { status: reply.status, headers: reply.headers });
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function invalidArgument(message: string): SwitchboardError {
  return new SwitchboardError({ code: SdkErrorCode.InvalidArgument, message });
}
