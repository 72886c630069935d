import { LRUCache } from 'lru-cache';

// Receive ids with a bucket in memory at once; an evicted one starts full again, which only a sender with this many
// ids of its own could use.
const MAX_TRACKED_RECEIVE_IDS = 100_000;

interface Bucket {
  tokens: number;
  /** When `tokens` was computed, on the limiter's clock (ms). */
  at: number;
}

/**
 * A token bucket per receive id, in this gateway replica's memory: each receipt takes a token, tokens come back at
 * `ratePerSecond` up to `burst`, so one noisy sender is slowed without touching the others. Replicas count apart: a
 * sender spread over n of them gets up to n times the rate.
 */
export class ReceiptRateLimiter {
  readonly #buckets = new LRUCache<string, Bucket>({ max: MAX_TRACKED_RECEIVE_IDS });

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes a token for one receipt: 0 when it may go ahead, else the whole seconds until a token is back (Retry-After). */
  take(receiveId: string): number {
    const now = this.now();
    const bucket = this.#buckets.get(receiveId);
    const tokens = bucket === undefined ? this.burst : Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
    if (tokens >= 1) {
      this.#buckets.set(receiveId, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.#buckets.set(receiveId, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / this.ratePerSecond));
  }
}
