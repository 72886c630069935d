import { ErrorCode, type ErrorBody } from '@switchboard/contracts';
import { backoffDelayMs, isRetryableStatus, type ExponentialBackoff } from '../outbound/retry-policy.js';
import { upstreamFailureReach } from '../outbound/upstream-failure.js';
import type { RunOutcome } from '../run-records/finished-run.js';

/** How many times a dispatched run may be tried, and how long to wait between tries. */
export interface RetryPolicy {
  maxAttempts: number;
  /** The longest wait before the second attempt is `baseMs`, doubled for each further one up to `capMs`; jittered. */
  backoff: ExponentialBackoff;
}

/** What to do with a delivery once its attempt has ended, and the state its run record takes. */
export type AttemptDecision =
  | { action: 'ack'; status: 'succeeded' | 'failed' }
  | { action: 'retry'; delayMs: number }
  /** Not sent (the connection's rate limit had no turn for it): the attempt is given back and the run waits. */
  | { action: 'postpone'; delayMs: number; refusal: ErrorBody }
  | { action: 'dead_letter' };

/**
 * Whether another attempt could end differently after this failure without doing the work twice. Failures before
 * the call (the connection's cap was full, one of our services was down or slow, the upstream refused the
 * connection or did not accept it in time, its token endpoint failed) are always worth another try. Failures after
 * the request may have reached the upstream (it was too slow to answer, dropped the connection, or something
 * unexpected broke) are retried only when repeating the request is safe: `repeatable` says the method is idempotent
 * or the input carries an `Idempotency-Key` the upstream deduplicates by, the same rule the outbound client retries
 * by. Every other code says the run itself is wrong and would fail the same way again; codes added later are final
 * until listed here, since a wrongly final run is visible at once and a wrongly repeated call is not.
 */
export function isRetryable(error: ErrorBody, repeatable: boolean): boolean {
  switch (error.code) {
    case ErrorCode.ConnectionBusy:
    case ErrorCode.ServiceUnavailable:
    case ErrorCode.DatabaseUnavailable:
    case ErrorCode.SecretStorageUnavailable:
    case ErrorCode.ServiceTimeout:
      return true;
    case ErrorCode.UpstreamAuthFailed: {
      // A token endpoint that failed (5xx, 429, or no usable answer in time) may recover; one that refused the
      // credentials (another 4xx) will refuse them again.
      const status = error.details.status;
      return typeof status !== 'number' || isRetryableStatus(status);
    }
    case ErrorCode.UpstreamTimeout:
    case ErrorCode.UpstreamUnreachable: {
      const reach = upstreamFailureReach(error);
      return reach === 'not-sent' || (reach === 'maybe-sent' && repeatable);
    }
    case ErrorCode.InternalError:
      return repeatable;
    default:
      return false;
  }
}

/**
 * Why a run whose attempts are used up but which never ended is dead-lettered: its last attempt never reported back,
 * because the executor running it stopped (or stopped answering) mid-run.
 */
export function lastAttemptUnfinished(attempts: number): ErrorBody {
  return {
    code: ErrorCode.ServiceUnavailable,
    message: `Attempt ${attempts} of ${attempts} did not finish: the executor running it stopped or stopped answering`,
    details: { attempts },
  };
}

/**
 * How long a run the rate limit refused waits: until its connection's next turn, spread over as long again, so that
 * runs refused together do not all come back for the same one turn.
 */
function postponedDelayMs(error: ErrorBody, random: () => number): number {
  const retryAfterMs = typeof error.details.retry_after_ms === 'number' ? error.details.retry_after_ms : 1000;
  return Math.ceil(retryAfterMs * (1 + random()));
}

/**
 * An upstream answer of any status ends the run as succeeded, exactly as a synchronous run records it; a failure
 * is retried as {@link isRetryable} says, `repeatable` being whether the run's request may safely be sent twice. A run
 * the connection's rate limit refused was never sent: it is postponed, costing no attempt however often it is.
 */
export function decideAfterAttempt(
  outcome: RunOutcome,
  attempt: number,
  policy: RetryPolicy,
  repeatable: boolean,
  random: () => number = Math.random,
): AttemptDecision {
  if (outcome.status === 'succeeded') return { action: 'ack', status: 'succeeded' };
  if (outcome.error.code === ErrorCode.ConnectionRateLimited) return { action: 'postpone', delayMs: postponedDelayMs(outcome.error, random), refusal: outcome.error };
  if (!isRetryable(outcome.error, repeatable)) return { action: 'ack', status: 'failed' };
  if (attempt >= policy.maxAttempts) return { action: 'dead_letter' };
  return { action: 'retry', delayMs: backoffDelayMs(attempt, policy.backoff, random) };
}
