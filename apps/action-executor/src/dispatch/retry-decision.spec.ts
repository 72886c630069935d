import { ErrorCode } from '@switchboard/contracts';
import type { RunOutcome } from '../run-records/finished-run.js';
import { decideAfterAttempt, isRetryable, lastAttemptUnfinished, type RetryPolicy } from './retry-decision.js';

const policy: RetryPolicy = { maxAttempts: 4, backoff: { baseMs: 1000, capMs: 5000 } };
// The jitter's random source, fixed so that a wait can be read off: half of each attempt's longest wait.
const half = (): number => 0.5;
const failedWith = (code: ErrorCode, details: Record<string, unknown> = {}): RunOutcome => ({ status: 'failed', error: { code, message: 'it failed', details } });

describe('lastAttemptUnfinished', () => {
  it('says which attempt never reported back', () => {
    expect(lastAttemptUnfinished(4)).toEqual({
      code: ErrorCode.ServiceUnavailable,
      message: 'Attempt 4 of 4 did not finish: the executor running it stopped or stopped answering',
      details: { attempts: 4 },
    });
  });
});

describe('decideAfterAttempt', () => {
  it('acknowledges an upstream answer of any status as succeeded, even on the last attempt', () => {
    expect(decideAfterAttempt({ status: 'succeeded', httpStatus: 500 }, 1, policy, false)).toEqual({ action: 'ack', status: 'succeeded' });
    expect(decideAfterAttempt({ status: 'succeeded', httpStatus: 200 }, 4, policy, true)).toEqual({ action: 'ack', status: 'succeeded' });
  });

  it.each([ErrorCode.SecretNotInScope, ErrorCode.SecretNotFound, ErrorCode.ActionNotFound, ErrorCode.ValidationFailed, ErrorCode.OutboundAddressRefused])(
    'fails a run at once, without another attempt, on %s',
    (code) => {
      expect(decideAfterAttempt(failedWith(code), 1, policy, true)).toEqual({ action: 'ack', status: 'failed' });
    },
  );

  it.each([
    failedWith(ErrorCode.UpstreamUnreachable, { cause: 'ECONNREFUSED' }),
    failedWith(ErrorCode.UpstreamUnreachable, { cause: 'EAI_AGAIN' }),
    failedWith(ErrorCode.UpstreamUnreachable, { cause: 'DNS_LOOKUP_FAILED' }),
    failedWith(ErrorCode.UpstreamTimeout, { phase: 'connect' }),
    failedWith(ErrorCode.ServiceUnavailable),
    failedWith(ErrorCode.DatabaseUnavailable),
    failedWith(ErrorCode.SecretStorageUnavailable),
    failedWith(ErrorCode.ConnectionBusy),
  ])('tries again after a failure before the call ($error.code) while attempts are left, waiting twice as long each time', (outcome) => {
    expect([1, 2, 3].map((attempt) => decideAfterAttempt(outcome, attempt, policy, false, half))).toEqual([
      { action: 'retry', delayMs: 500 },
      { action: 'retry', delayMs: 1000 },
      { action: 'retry', delayMs: 2000 },
    ]);
  });

  it.each([
    failedWith(ErrorCode.UpstreamTimeout, { phase: 'headers' }),
    failedWith(ErrorCode.UpstreamTimeout, { phase: 'body' }),
    failedWith(ErrorCode.UpstreamUnreachable, { cause: 'ECONNRESET' }),
    failedWith(ErrorCode.InternalError),
  ])('repeats a call the upstream may have acted on ($error.code $error.details) only when the request is repeatable', (outcome) => {
    expect(decideAfterAttempt(outcome, 1, policy, false)).toEqual({ action: 'ack', status: 'failed' });
    expect(decideAfterAttempt(outcome, 1, policy, true, half)).toEqual({ action: 'retry', delayMs: 500 });
  });

  it('never repeats a call whose answer was broken', () => {
    expect(decideAfterAttempt(failedWith(ErrorCode.UpstreamUnreachable, { cause: 'HPE_INVALID_CONSTANT' }), 1, policy, true)).toEqual({ action: 'ack', status: 'failed' });
  });

  it('dead-letters a run whose last attempt failed in a way a retry might have cured', () => {
    expect(decideAfterAttempt(failedWith(ErrorCode.UpstreamUnreachable, { cause: 'ECONNREFUSED' }), 4, policy, false)).toEqual({ action: 'dead_letter' });
  });

  it('dead-letters at once when only one attempt is allowed', () => {
    expect(decideAfterAttempt(failedWith(ErrorCode.UpstreamTimeout, { phase: 'connect' }), 1, { ...policy, maxAttempts: 1 }, false)).toEqual({ action: 'dead_letter' });
  });

  it("postpones a run its connection's rate limit refused, on any attempt, until the next turn and up to as long again", () => {
    const refused = failedWith(ErrorCode.ConnectionRateLimited, { retry_after_ms: 800 });
    const refusal = refused.status === 'failed' ? refused.error : undefined;
    expect(decideAfterAttempt(refused, 1, policy, false, () => 0)).toEqual({ action: 'postpone', delayMs: 800, refusal });
    expect(decideAfterAttempt(refused, 4, policy, false, half)).toEqual({ action: 'postpone', delayMs: 1200, refusal });
    expect(decideAfterAttempt(refused, 4, { ...policy, maxAttempts: 1 }, true, () => 0.999)).toEqual({ action: 'postpone', delayMs: 1600, refusal });
  });
});

describe('the wait before a dispatched run\'s next attempt', () => {
  const failure = failedWith(ErrorCode.UpstreamUnreachable, { cause: 'ECONNREFUSED' });
  const delayOf = (attempt: number, random: () => number, over: RetryPolicy = policy): number | undefined => {
    const decision = decideAfterAttempt(failure, attempt, over, false, random);
    return decision.action === 'retry' ? decision.delayMs : undefined;
  };

  it('differs for two runs failing at the same attempt, so they do not come back in lockstep, and stays within the doubled backoff', () => {
    const [first, second] = [0.1, 0.8].map((draw) => delayOf(2, () => draw));
    expect([first, second]).toEqual([200, 1600]);
    expect(first).not.toBe(second);
  });

  it('never exceeds the capped backoff, also for attempt numbers far past any real policy', () => {
    const almostOne = (): number => 1 - Number.EPSILON;
    const generous = { ...policy, maxAttempts: 100_000 };
    expect([3, 4, 10_000].map((attempt) => delayOf(attempt, almostOne, generous))).toEqual([3999, 4999, 4999]);
    expect(delayOf(1, () => 0)).toBe(0);
  });

  it('waits nothing when the backoff is 0', () => {
    expect(delayOf(3, half, { ...policy, backoff: { baseMs: 0, capMs: 5000 } })).toBe(0);
  });
});

describe('isRetryable', () => {
  const failure = (code: ErrorCode, details: Record<string, unknown> = {}) => ({ code, message: 'm', details });

  it('treats an unexpected failure as worth another bounded attempt, a bad input as not', () => {
    expect([failure(ErrorCode.InternalError), failure(ErrorCode.MissingPathParam), failure(ErrorCode.UpstreamResponseTooLarge)].map((error) => isRetryable(error, true))).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('retries a token endpoint that failed or was slow, not one that refused the credentials', () => {
    const tokenEndpoint = (details: Record<string, unknown>) => isRetryable(failure(ErrorCode.UpstreamAuthFailed, { auth_tag: 'oauth', ...details }), false);
    expect([tokenEndpoint({ status: 503 }), tokenEndpoint({ status: 429 }), tokenEndpoint({}), tokenEndpoint({ status: 401, oauth_error: 'invalid_client' }), tokenEndpoint({ status: 400 })]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
