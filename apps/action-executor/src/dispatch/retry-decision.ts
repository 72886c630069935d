import { ErrorCode, type ErrorBody } from '@switchboard/contracts';
import { isRetryableStatus } from '../outbound/retry-policy.js';
import type { RunOutcome } from '../run-records/finished-run.js';

/** How many times a dispatched run may be tried, and how long to wait between tries. */
export interface RetryPolicy {
  maxAttempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  backoffMs: number;
  /** The longest wait, however many attempts came before. */
  backoffMaxMs: number;
}

/** What to do with a delivery before running anything. */
export type DeliveryDecision = { action: 'attempt'; attempt: number } | { action: 'dead_letter'; error: ErrorBody };

/** What to do with a delivery once its attempt has ended, and the state its run record takes. */
export type AttemptDecision =
  | { action: 'ack'; status: 'succeeded' | 'failed' }
  | { action: 'retry'; delayMs: number }
  | { action: 'dead_letter' };

/**
 * Failures that may not happen again: the upstream could not be reached or was too slow, the connection's cap was
 * full, one of our services was down or slow, or something unexpected broke. Every other code says the run itself
 * is wrong (a refused secret, an unknown action, a bad input, a refused address) and would fail the same way again.
 * Codes added later are final until listed here: a wrongly final run is visible at once, a wrongly retried one is not.
 */
const RETRYABLE = new Set<ErrorCode>([
  ErrorCode.UpstreamUnreachable,
  ErrorCode.UpstreamTimeout,
  ErrorCode.ConnectionBusy,
  ErrorCode.ServiceUnavailable,
  ErrorCode.ServiceTimeout,
  ErrorCode.InternalError,
]);

/**
 * Whether another attempt could end differently after this failure. A token endpoint that failed (5xx, 429, or no
 * usable answer in time) may recover; one that refused the credentials (another 4xx) will refuse them again.
 */
export function isRetryable(error: ErrorBody): boolean {
  if (error.code === ErrorCode.UpstreamAuthFailed) {
    const status = error.details.status;
    return typeof status !== 'number' || isRetryableStatus(status);
  }
  return RETRYABLE.has(error.code);
}

/**
 * Delivery `n` is attempt `n`. JetStream delivers once more than there are attempts (its `max_deliver` is
 * `maxAttempts + 1`) so that a last attempt whose executor died, and which therefore never reported, still ends its
 * run: that extra delivery runs nothing and dead-letters the run.
 */
export function decideOnDelivery(deliveryCount: number, policy: RetryPolicy): DeliveryDecision {
  if (deliveryCount <= policy.maxAttempts) return { action: 'attempt', attempt: deliveryCount };
  return {
    action: 'dead_letter',
    error: {
      code: ErrorCode.ServiceUnavailable,
      message: `Attempt ${policy.maxAttempts} of ${policy.maxAttempts} did not finish: the executor running it stopped or stopped answering`,
      details: { attempts: policy.maxAttempts },
    },
  };
}

/** An upstream answer of any status ends the run as succeeded, exactly as a synchronous run records it. */
export function decideAfterAttempt(outcome: RunOutcome, attempt: number, policy: RetryPolicy): AttemptDecision {
  if (outcome.status === 'succeeded') return { action: 'ack', status: 'succeeded' };
  if (!isRetryable(outcome.error)) return { action: 'ack', status: 'failed' };
  if (attempt >= policy.maxAttempts) return { action: 'dead_letter' };
  return { action: 'retry', delayMs: retryDelayMs(attempt, policy) };
}

/** The wait after failed attempt `attempt` (1-based): backoff, doubled per attempt, capped. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  // The exponent is capped too, so a large attempt number cannot overflow to Infinity.
  return Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
}
