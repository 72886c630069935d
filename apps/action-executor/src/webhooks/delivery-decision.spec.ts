import { decideAfterDelivery, settledDecision } from './delivery-decision.js';

const schedule = { retryWaitsMs: [5000, 300_000], retryAfterCapMs: 60_000 };

describe('decideAfterDelivery', () => {
  it('delivers on any 2xx', () => {
    expect(decideAfterDelivery({ kind: 'answered', status: 200 }, 1, schedule)).toEqual({ action: 'delivered' });
    expect(decideAfterDelivery({ kind: 'answered', status: 204 }, 3, schedule)).toEqual({ action: 'delivered' });
  });

  it('retries other answers and failures after the wait the schedule gives the next attempt', () => {
    expect(decideAfterDelivery({ kind: 'answered', status: 500 }, 1, schedule)).toEqual({ action: 'retry', delayMs: 5000 });
    expect(decideAfterDelivery({ kind: 'answered', status: 410 }, 2, schedule)).toEqual({ action: 'retry', delayMs: 300_000 });
    expect(decideAfterDelivery({ kind: 'failed', final: false }, 1, schedule)).toEqual({ action: 'retry', delayMs: 5000 });
  });

  it('dead-letters once the last scheduled attempt has failed, and at once when no retry can cure the failure', () => {
    expect(decideAfterDelivery({ kind: 'answered', status: 502 }, 3, schedule)).toEqual({ action: 'dead_letter' });
    expect(decideAfterDelivery({ kind: 'failed', final: true }, 1, schedule)).toEqual({ action: 'dead_letter' });
  });

  it("honours a 429's or 503's Retry-After, capped, never sooner than the schedule", () => {
    expect(decideAfterDelivery({ kind: 'answered', status: 429, retryAfter: '30' }, 1, schedule)).toEqual({ action: 'retry', delayMs: 30_000 });
    expect(decideAfterDelivery({ kind: 'answered', status: 503, retryAfter: '7200' }, 1, schedule)).toEqual({ action: 'retry', delayMs: 60_000 });
    expect(decideAfterDelivery({ kind: 'answered', status: 429, retryAfter: '1' }, 2, schedule)).toEqual({ action: 'retry', delayMs: 300_000 });
    expect(decideAfterDelivery({ kind: 'answered', status: 503, retryAfter: 'soon' }, 1, schedule)).toEqual({ action: 'retry', delayMs: 5000 });
    // A 500's Retry-After is not a rate limit: the schedule applies.
    expect(decideAfterDelivery({ kind: 'answered', status: 500, retryAfter: '30' }, 1, schedule)).toEqual({ action: 'retry', delayMs: 5000 });
  });
});

describe('settledDecision', () => {
  it('holds an event that would be retried while its target is disabled', () => {
    expect(settledDecision({ action: 'retry', delayMs: 5000 }, true)).toEqual({ action: 'hold' });
    expect(settledDecision({ action: 'retry', delayMs: 5000 }, false)).toEqual({ action: 'retry', delayMs: 5000 });
  });

  it('leaves a delivered event delivered and one out of attempts dead-lettered, disabled or not', () => {
    expect(settledDecision({ action: 'delivered' }, true)).toEqual({ action: 'delivered' });
    expect(settledDecision({ action: 'dead_letter' }, true)).toEqual({ action: 'dead_letter' });
  });
});
