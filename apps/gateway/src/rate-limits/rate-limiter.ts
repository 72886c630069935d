import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { allowanceSize, refilled, secondsUntil, SharedTokenBuckets, type BucketLimit } from '@switchboard/platform';

// After the database failed a take, how long every take fails at once without asking it again.
const UNAVAILABLE_MS = 1000;

// Buckets this replica keeps an allowance for; an evicted one loses the tokens it held (others never get them).
const MAX_TRACKED_BUCKETS = 100_000;

/** This replica's share of one shared bucket. */
interface Allowance {
  /** Tokens taken from the shared bucket and not spent yet. */
  held: number;
  /**
   * The shared bucket's tokens after this replica's last take, at `seenAt` (ms, `performance.now()`). Refilled from
   * then, it is an upper bound of what the bucket holds now: other replicas only ever take from it.
   */
  sharedTokens: number;
  seenAt: number;
  /** Requests waiting for the take in flight, so that it takes enough for all of them. */
  waiting: number;
  inFlight?: Promise<void>;
}

/** A bucket as a request leaves it: what the RateLimit-* headers say. */
export interface BucketState {
  limit: BucketLimit;
  /** Requests the bucket would let through now (this replica's estimate: other replicas' takes since its last one are not seen). */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
}

export type Verdict = { admitted: true; state: BucketState } | { admitted: false; state: BucketState; retryAfterSeconds: number };

/**
 * Token buckets shared by every gateway replica through {@link SharedTokenBuckets}, spent from memory: a replica takes a
 * few tokens at once ({@link allowanceSize}) and asks the database again only when they are gone, so at high rates
 * most requests cost no round trip and at low rates every one is counted there. Tokens are only ever taken from the
 * shared row before they are spent, so no bucket lets more through than its burst and rate allow; what a replica
 * holds unspent (under one allowance per bucket) is lost to the others until it spends it. A bucket known to be
 * empty (its upper bound under one token) is refused from memory until its next token is due, so a flood of refused
 * requests costs the database nothing.
 */
@Injectable()
export class RateLimiter {
  readonly #allowances = new LRUCache<string, Allowance>({ max: MAX_TRACKED_BUCKETS });
  #unavailableUntil = -Infinity;

  constructor(private readonly shared: SharedTokenBuckets) {}

  /**
   * Takes one token from the bucket, or says when the next one is due. Rejects when the database fails the take, and
   * for a second after that with {@link SharedBucketsUnavailable} without asking it.
   */
  async take(bucket: string, limit: BucketLimit): Promise<Verdict> {
    const allowance = this.allowanceOf(bucket, limit);
    for (;;) {
      if (allowance.held >= 1) {
        allowance.held -= 1;
        return { admitted: true, state: this.stateOf(allowance, limit) };
      }
      const sharedTokens = this.sharedTokensNow(allowance, limit);
      if (sharedTokens < 1) return { admitted: false, state: this.stateOf(allowance, limit), retryAfterSeconds: secondsUntil(sharedTokens, 1, limit) };
      if (performance.now() < this.#unavailableUntil) throw new SharedBucketsUnavailable();
      allowance.waiting += 1;
      try {
        await (allowance.inFlight ??= this.takeShared(bucket, allowance, limit));
      } finally {
        allowance.waiting -= 1;
      }
    }
  }

  /** Gives back a token {@link take} granted to a request another bucket refused, so that refusal costs it nothing. */
  giveBack(bucket: string): void {
    const allowance = this.#allowances.get(bucket);
    if (allowance) allowance.held += 1;
  }

  private allowanceOf(bucket: string, limit: BucketLimit): Allowance {
    let allowance = this.#allowances.get(bucket);
    if (!allowance) {
      // Unknown, the shared bucket may be full: the first take finds out.
      allowance = { held: 0, sharedTokens: limit.burst, seenAt: performance.now(), waiting: 0 };
      this.#allowances.set(bucket, allowance);
    }
    return allowance;
  }

  private async takeShared(bucket: string, allowance: Allowance, limit: BucketLimit): Promise<void> {
    try {
      const want = Math.min(limit.burst, Math.max(allowanceSize(limit), allowance.waiting));
      // The database refilled at its own now(), after this moment: refilling from here keeps the estimate an upper bound.
      const sentAt = performance.now();
      const { taken, tokensLeft } = await this.shared.take(bucket, limit, want);
      allowance.held += taken;
      allowance.sharedTokens = tokensLeft;
      allowance.seenAt = sentAt;
    } catch (error) {
      this.#unavailableUntil = performance.now() + UNAVAILABLE_MS;
      throw error;
    } finally {
      allowance.inFlight = undefined;
    }
  }

  private sharedTokensNow(allowance: Allowance, limit: BucketLimit): number {
    return refilled(allowance.sharedTokens, (performance.now() - allowance.seenAt) / 1000, limit);
  }

  private stateOf(allowance: Allowance, limit: BucketLimit): BucketState {
    const tokens = Math.min(limit.burst, allowance.held + this.sharedTokensNow(allowance, limit));
    return { limit, remaining: Math.floor(tokens), resetSeconds: secondsUntil(tokens, limit.burst, limit) };
  }
}

/** A take refused without asking the database, which failed one moments ago. */
export class SharedBucketsUnavailable extends Error {
  constructor() {
    super(`The rate-limit buckets' database failed a take less than ${UNAVAILABLE_MS} ms ago`);
  }
}
