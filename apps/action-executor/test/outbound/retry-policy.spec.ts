import { backoffDelayMs, DEFAULT_BACKOFF, delayBeforeRetryMs, isRetryableStatus, mayRetry, parseRetryAfterMs } from '../../src/outbound/retry-policy.js';

describe('mayRetry', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'] as const)('retries %s, which is idempotent', (method) => {
    expect(mayRetry(method, undefined)).toBe(true);
  });

  it.each(['POST', 'PATCH'] as const)('retries %s only with an idempotency key', (method) => {
    expect(mayRetry(method, undefined)).toBe(false);
    expect(mayRetry(method, '')).toBe(false);
    expect(mayRetry(method, 'run-42')).toBe(true);
  });
});

describe('isRetryableStatus', () => {
  it('treats 429 and 5xx as "try again", every other status as an answer', () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 201, 204, 302, 400, 401, 404, 409, 428, 600].some(isRetryableStatus)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it('draws a full-jitter wait below a ceiling that doubles from the base up to the cap', () => {
    const top = () => 0.999999;
    expect(backoffDelayMs(1, DEFAULT_BACKOFF, top)).toBe(99);
    expect(backoffDelayMs(2, DEFAULT_BACKOFF, top)).toBe(199);
    expect(backoffDelayMs(3, DEFAULT_BACKOFF, top)).toBe(399);
    expect(backoffDelayMs(20, DEFAULT_BACKOFF, top)).toBe(4999);
    expect(backoffDelayMs(3, DEFAULT_BACKOFF, () => 0)).toBe(0);
    expect(backoffDelayMs(3, DEFAULT_BACKOFF, () => 0.5)).toBe(200);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('0', now)).toBe(0);
    expect(parseRetryAfterMs('1', now)).toBe(1000);
    expect(parseRetryAfterMs(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP date as the time left until it, never negative', () => {
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('-1', now)).toBeUndefined();
    expect(parseRetryAfterMs('1.5', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('2026-01-01', now)).toBeUndefined();
  });
});

describe('delayBeforeRetryMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('waits as long as Retry-After asks, up to its cap', () => {
    expect(delayBeforeRetryMs(1, '0', DEFAULT_BACKOFF, now)).toBe(0);
    expect(delayBeforeRetryMs(1, '30', DEFAULT_BACKOFF, now)).toBe(30_000);
    expect(delayBeforeRetryMs(1, 'Thu, 01 Jan 2026 00:00:02 GMT', DEFAULT_BACKOFF, now)).toBe(2000);
  });

  it('gives up when Retry-After asks for longer than the cap', () => {
    expect(delayBeforeRetryMs(1, '31', DEFAULT_BACKOFF, now)).toBeUndefined();
    expect(delayBeforeRetryMs(1, 'Thu, 01 Jan 2026 01:00:00 GMT', DEFAULT_BACKOFF, now)).toBeUndefined();
  });

  it('falls back to the jittered backoff without a usable Retry-After', () => {
    expect(delayBeforeRetryMs(2, undefined, DEFAULT_BACKOFF, now, () => 0.5)).toBe(100);
    expect(delayBeforeRetryMs(2, 'later', DEFAULT_BACKOFF, now, () => 0.5)).toBe(100);
  });
});
