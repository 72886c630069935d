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

/**
 * What reserving one token of a bucket gets: granted, the request goes `waitSeconds` from now (0 when a token is
 * there); refused, a token is free `retryAfterSeconds` from now.
 */
export type Reservation = { granted: true; waitSeconds: number } | { granted: false; retryAfterSeconds: number };

/**
 * Reserves one token of a bucket that held `tokens` (below 0 when earlier reservations are queued on it)
 * `elapsedSeconds` ago: granted when the next free token comes within `maxWaitSeconds`, taking it ahead of time
 * so that the next reservation queues behind this one; refused otherwise, leaving the bucket as it was. The same
 * arithmetic as {@link SharedTokenBuckets.reserve}'s statement, which is what every replica actually runs.
 */
export function reserved(tokens: number, elapsedSeconds: number, limit: BucketLimit, maxWaitSeconds: number): { reservation: Reservation; tokensLeft: number } {
  const available = refilled(tokens, elapsedSeconds, limit);
  const waitSeconds = Math.max(0, (1 - available) / limit.perSecond);
  if (waitSeconds > maxWaitSeconds) return { reservation: { granted: false, retryAfterSeconds: waitSeconds }, tokensLeft: tokens };
  return { reservation: { granted: true, waitSeconds }, tokensLeft: available - 1 };
}
