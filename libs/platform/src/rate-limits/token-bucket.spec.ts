import { allowanceSize, refilled, reserved, secondsUntil } from './token-bucket.js';

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

  describe('reservations', () => {
    // 10 per second, one at a time: a turn every 100 ms.
    const spaced = { perSecond: 10, burst: 1 };

    it('grants a token that is there at once, taking it', () => {
      expect(reserved(1, 0, spaced, 0)).toEqual({ reservation: { granted: true, waitSeconds: 0 }, tokensLeft: 0 });
      expect(reserved(3, 0, limit, 0)).toEqual({ reservation: { granted: true, waitSeconds: 0 }, tokensLeft: 2 });
    });

    it('queues reservations behind each other, each waiting one interval longer, while they fit the longest wait', () => {
      let tokens = 1;
      const waits: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const { reservation, tokensLeft } = reserved(tokens, 0, spaced, 0.35);
        if (!reservation.granted) break;
        waits.push(reservation.waitSeconds);
        tokens = tokensLeft;
      }
      expect(waits.map((wait) => Math.round(wait * 1000))).toEqual([0, 100, 200, 300]);
      expect(tokens).toBeCloseTo(-3);
    });

    it('refuses a reservation whose turn is past the longest wait, leaving the bucket as it was, and says when a token is free', () => {
      const queued = reserved(-3, 0, spaced, 0.35);
      expect(queued.tokensLeft).toBe(-3);
      expect(queued.reservation.granted ? 0 : queued.reservation.retryAfterSeconds).toBeCloseTo(0.4, 9);
      const half = reserved(0.5, 0, spaced, 0);
      expect(half.tokensLeft).toBe(0.5);
      expect(half.reservation.granted ? 0 : half.reservation.retryAfterSeconds).toBeCloseTo(0.05, 9);
    });

    it('pays queued reservations back as time passes, and never lets a bucket hold more than its burst', () => {
      expect(reserved(-3, 0.3, spaced, 0).reservation.granted).toBe(false);
      const paidBack = reserved(-3, 0.4, spaced, 0);
      expect(paidBack.reservation).toEqual({ granted: true, waitSeconds: 0 });
      expect(paidBack.tokensLeft).toBeCloseTo(0, 9);
      expect(reserved(0, 3600, spaced, 0).tokensLeft).toBe(0);
    });

    it('lets no more than the burst plus the rate through over any span, however reservations are spread', () => {
      const minute = { perSecond: 100 / 60, burst: 1 };
      let tokens = minute.burst;
      let changedAtMs = 0;
      let granted = 0;
      // One reservation asked every 50 ms for two minutes, none willing to wait: 100 a minute get through, plus the
      // burst. A refusal leaves the bucket as it was, so time counts from the last grant.
      for (let ms = 0; ms < 120_000; ms += 50) {
        const { reservation, tokensLeft } = reserved(tokens, (ms - changedAtMs) / 1000, minute, 0);
        if (!reservation.granted) continue;
        granted += 1;
        tokens = tokensLeft;
        changedAtMs = ms;
      }
      expect(granted).toBeLessThanOrEqual(minute.burst + 200);
      expect(granted).toBeGreaterThanOrEqual(199);
    });
  });
});
