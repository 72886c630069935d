import { allowanceSize, refilled, secondsUntil } from './token-bucket.js';

describe('token bucket math', () => {
  const limit = { perSecond: 4, burst: 10 };

  it('refills at the rate, never above the burst, and not at all for a clock that went back', () => {
    expect(refilled(0, 0.5, limit)).toBe(2);
    expect(refilled(3.5, 1, limit)).toBe(7.5);
    expect(refilled(9, 60, limit)).toBe(10);
    expect(refilled(2, -5, limit)).toBe(2);
  });

  it('says the whole seconds until a bucket holds what is needed, rounding up', () => {
    expect(secondsUntil(0.5, 1, limit)).toBe(1);
    expect(secondsUntil(0, 1, { perSecond: 1, burst: 5 })).toBe(1);
    expect(secondsUntil(0, 5, { perSecond: 1, burst: 5 })).toBe(5);
    expect(secondsUntil(0.2, 5, { perSecond: 2, burst: 5 })).toBe(3);
    expect(secondsUntil(5, 5, limit)).toBe(0);
  });

  it('takes 10 ms of the rate at once, at most a twentieth of the burst, at least one token', () => {
    expect(allowanceSize({ perSecond: 1000, burst: 2000 })).toBe(10);
    expect(allowanceSize({ perSecond: 100_000, burst: 100_000 })).toBe(1000);
    expect(allowanceSize({ perSecond: 1000, burst: 40 })).toBe(2);
    expect(allowanceSize({ perSecond: 50, burst: 1000 })).toBe(1);
    expect(allowanceSize({ perSecond: 1, burst: 1 })).toBe(1);
  });
});
