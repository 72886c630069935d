/** A token bucket's shape: each request takes a token, tokens come back at `perSecond`, up to `burst`. */
export interface BucketLimit {
  perSecond: number;
  burst: number;
}

// A replica takes about this much of a bucket's rate from the shared row at once, and spends it from memory.
const ALLOWANCE_SECONDS = 0.01;
// ...but never more than this share of the burst, so a small bucket is not held by one replica.
const ALLOWANCE_BURST_SHARE = 1 / 20;

/**
 * How many tokens a replica takes from the shared bucket in one statement: 10 ms of its rate, at most a twentieth of
 * its burst, at least one (a bucket under 100/s is counted in the database request by request).
 */
export function allowanceSize(limit: BucketLimit): number {
  return Math.max(1, Math.min(Math.floor(limit.perSecond * ALLOWANCE_SECONDS), Math.floor(limit.burst * ALLOWANCE_BURST_SHARE)));
}

/** The tokens of a bucket that held `tokens` `elapsedSeconds` ago (a clock that went back refills nothing). */
export function refilled(tokens: number, elapsedSeconds: number, limit: BucketLimit): number {
  return Math.min(limit.burst, tokens + Math.max(0, elapsedSeconds) * limit.perSecond);
}

/** Whole seconds until a bucket holding `tokens` holds `needed`, 0 when it does already. */
export function secondsUntil(tokens: number, needed: number, limit: BucketLimit): number {
  return tokens >= needed ? 0 : Math.ceil((needed - tokens) / limit.perSecond);
}
