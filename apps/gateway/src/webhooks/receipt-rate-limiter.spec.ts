import { ReceiptRateLimiter } from './receipt-rate-limiter.js';

describe('ReceiptRateLimiter', () => {
  let clockMs = 0;
  const limiter = (): ReceiptRateLimiter => new ReceiptRateLimiter(2, 3, () => clockMs);

  beforeEach(() => {
    clockMs = 0;
  });

  it('lets a burst through, then refuses with the seconds until a token is back', () => {
    const rate = limiter();
    expect([rate.take('whk_a'), rate.take('whk_a'), rate.take('whk_a')]).toEqual([0, 0, 0]);
    expect(rate.take('whk_a')).toBe(1);
  });

  it('gives tokens back at its rate, never above the burst', () => {
    const rate = limiter();
    for (let i = 0; i < 3; i += 1) rate.take('whk_a');
    clockMs = 500;
    expect(rate.take('whk_a')).toBe(0);
    expect(rate.take('whk_a')).toBe(1);
    clockMs = 60_000;
    expect([rate.take('whk_a'), rate.take('whk_a'), rate.take('whk_a'), rate.take('whk_a')]).toEqual([0, 0, 0, 1]);
  });

  it('counts each receive id apart, so a noisy sender does not slow another', () => {
    const rate = limiter();
    for (let i = 0; i < 10; i += 1) rate.take('whk_noisy');
    expect(rate.take('whk_noisy')).toBeGreaterThan(0);
    expect(rate.take('whk_quiet')).toBe(0);
  });
});
