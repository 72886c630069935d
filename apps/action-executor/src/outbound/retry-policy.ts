import type { OutboundMethod } from './outbound-request.js';

/** The exponential part of a backoff: how the longest wait grows with each failed attempt. */
export interface ExponentialBackoff {
  /** Upper bound of the first wait; doubles with every failed attempt. */
  baseMs: number;
  /** No computed wait is longer than this. */
  capMs: number;
}

/** How long the outbound client waits between attempts. */
export interface BackoffOptions extends ExponentialBackoff {
  /** A `Retry-After` longer than this ends the retries instead of holding the run. */
  retryAfterCapMs: number;
}

/** Base 100 ms, cap 5 s, `Retry-After` honoured up to 30 s. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 100, capMs: 5_000, retryAfterCapMs: 30_000 };

// Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2); POST and PATCH are not among them.
const IDEMPOTENT_METHODS: ReadonlySet<OutboundMethod> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether a request may be sent again after a failure: only when repeating it cannot do the work twice, because
 * the method is idempotent or the upstream deduplicates it by its idempotency key.
 */
export function mayRetry(method: OutboundMethod, idempotencyKey: string | undefined): boolean {
  return IDEMPOTENT_METHODS.has(method) || (idempotencyKey !== undefined && idempotencyKey !== '');
}

/** Whether an upstream status means "try again later" rather than a final answer: 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Exponential backoff with full jitter (a uniform wait between 0 and min(cap, base·2^(n−1))), so that many runs
 * failing together against one upstream do not come back together. Used by outbound attempts and dispatched runs.
 */
export function backoffDelayMs(failedAttempt: number, backoff: ExponentialBackoff, random: () => number = Math.random): number {
  // The exponent is capped so that a large attempt number cannot reach Infinity (and 0·Infinity, NaN).
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(Math.max(failedAttempt - 1, 0), 30));
  return Math.floor(random() * ceiling);
}

/** The wait a `Retry-After` value asks for, in delay-seconds or as an HTTP date; `undefined` if it is neither. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the date forms HTTP allows; Date.parse alone would also accept "1" or "soon-ish" spellings.
  if (!/^[A-Za-z]{3,9}, /.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The wait before retrying a response with a retryable status: the upstream's `Retry-After` when it sent a valid
 * one, else the jittered backoff. `undefined` means do not retry: the upstream asked for a longer pause than a run
 * may be held for, and retrying sooner would only be refused again.
 */
export function delayBeforeRetryMs(
  failedAttempt: number,
  retryAfter: string | undefined,
  backoff: BackoffOptions,
  nowMs: number = Date.now(),
  random: () => number = Math.random,
): number | undefined {
  const asked = parseRetryAfterMs(retryAfter, nowMs);
  if (asked === undefined) return backoffDelayMs(failedAttempt, backoff, random);
  return asked <= backoff.retryAfterCapMs ? asked : undefined;
}
