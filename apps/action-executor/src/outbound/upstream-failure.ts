import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { OutboundTimeouts } from './outbound-request.js';

/** A failed attempt, as the caller sees it, and whether sending again could help. */
export interface UpstreamFailure {
  error: DomainError;
  /** The attempt failed while connecting or on a dropped connection, not because the upstream was too slow. */
  retryable: boolean;
}

// Failures to reach the upstream at all: the request never left (no address for the name, no connection).
const NOT_SENT = new Set(['ENOTFOUND', 'EAI_AGAIN', 'DNS_LOOKUP_FAILED', 'ECONNREFUSED', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);
// A connection that dropped under the request: the upstream may have acted on it before it went.
const CUT_SHORT = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'UND_ERR_SOCKET' /* closed before answering */]);
// Both are worth another attempt.
const CONNECTION_FAILURES = new Set([...NOT_SENT, ...CUT_SHORT]);

// The upstream answered, but not with HTTP we can trust, or TLS failed: sending again would fail the same way.
const BROKEN_ANSWERS = /^(HPE_|ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$|UND_ERR_INFO$)/;

/**
 * Translates what undici or the socket threw during one attempt into the platform's error, or `undefined` when it
 * is not an upstream failure (a programming error, which must surface as it is). Messages name the origin and the
 * limit only: request headers and bodies hold secrets and never appear in an error.
 */
export function upstreamFailureOf(error: unknown, origin: string, timeouts: OutboundTimeouts): UpstreamFailure | undefined {
  if (error instanceof DomainError) return { error, retryable: false };
  const code = errorCode(error);
  if (code === undefined) return undefined;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return { error: timedOut(origin, timeouts.connectMs, 'connect'), retryable: true };
    case 'UND_ERR_HEADERS_TIMEOUT':
      // The upstream may still be working on it; another attempt would double both its load and our wait.
      return { error: timedOut(origin, timeouts.headersMs, 'headers'), retryable: false };
    case 'UND_ERR_INVALID_ARG':
      // Names nothing from the request: the offending header value may hold a substituted secret.
      return {
        error: new DomainError(ErrorCode.ValidationFailed, 'The request could not be sent: a header name or value is invalid (line breaks and control characters are not allowed)', {
          origin,
        }),
        retryable: false,
      };
    case 'UND_ERR_BODY_TIMEOUT':
      return { error: timedOut(origin, timeouts.bodyMs, 'body'), retryable: false };
    case 'UND_ERR_HEADERS_OVERFLOW':
      return {
        error: new DomainError(ErrorCode.UpstreamResponseTooLarge, `The upstream at ${origin} answered with headers larger than allowed`, {
          origin,
          part: 'headers',
        }),
        retryable: false,
      };
    default:
      if (CONNECTION_FAILURES.has(code)) return { error: unreachable(origin, code), retryable: true };
      if (BROKEN_ANSWERS.test(code)) return { error: unreachable(origin, code), retryable: false };
      return undefined;
  }
}

/** `UpstreamTimeout` for the limit that ran out. */
export function timedOut(origin: string, timeoutMs: number, phase: 'connect' | 'headers' | 'body'): DomainError {
  return new DomainError(ErrorCode.UpstreamTimeout, `The upstream at ${origin} did not answer within ${timeoutMs} ms`, {
    origin,
    phase,
    timeoutMs,
  });
}

/** The upstream could not be reached; `cause` is the low-level code, never request content. */
export function unreachable(origin: string, cause: string): DomainError {
  return new DomainError(ErrorCode.UpstreamUnreachable, `The upstream at ${origin} could not be reached`, { origin, cause });
}

// With several addresses to try, net.connect reports an AggregateError whose own code may be missing.
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = errorCode(inner);
      if (innerCode !== undefined) return innerCode;
    }
  }
  return undefined;
}

/**
 * What an attempt that failed with one of this module's errors means for sending it again: `not-sent` when nothing
 * reached the upstream (a lookup or connection failure, a connect timeout), `maybe-sent` when the upstream may have
 * acted on it (too slow to answer, a connection cut short), `final` when another attempt would fail the same way or
 * the error is not an upstream failure at all.
 */
export function upstreamFailureReach(error: { code: ErrorCode; details: Record<string, unknown> }): 'not-sent' | 'maybe-sent' | 'final' {
  switch (error.code) {
    case ErrorCode.UpstreamTimeout:
      return error.details.phase === 'connect' ? 'not-sent' : 'maybe-sent';
    case ErrorCode.UpstreamUnreachable: {
      const cause = String(error.details.cause);
      if (NOT_SENT.has(cause)) return 'not-sent';
      return CUT_SHORT.has(cause) ? 'maybe-sent' : 'final';
    }
    default:
      return 'final';
  }
}
