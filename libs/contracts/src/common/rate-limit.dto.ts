import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from './validators.js';

/** The periods a third party publishes its request limits in. */
export const RATE_LIMIT_PERIODS = ['second', 'minute'] as const;
export type RateLimitPeriod = (typeof RATE_LIMIT_PERIODS)[number];

/** The longest a run may wait for its turn under a rate limit: well inside the gateway's wait for a run's reply. */
export const RATE_LIMIT_MAX_WAIT_MS = 30_000;

/**
 * A third party's published request limit (`requests` per `per`), kept by every executor replica together before
 * the provider answers 429. Requests are spaced evenly at the rate, and `burst` of them may go at once after a quiet
 * spell (1 by default), so any window of one `per` sees at most `requests + burst - 1`. A request finding no turn
 * free waits for one up to `max_wait_ms` (1000 by default; 0 refuses at once), else it is refused with
 * `429 connection_rate_limited` and never sent.
 */
export class RateLimitInput {
  @Max(1_000_000)
  @Min(1)
  @IsInt()
  requests!: number;

  @IsIn(RATE_LIMIT_PERIODS, { message: `$property must be one of ${RATE_LIMIT_PERIODS.join(', ')}` })
  per!: RateLimitPeriod;

  @IsOmittable()
  @Max(1_000_000)
  @Min(1)
  @IsInt()
  burst?: number;

  @IsOmittable()
  @Max(RATE_LIMIT_MAX_WAIT_MS)
  @Min(0)
  @IsInt()
  max_wait_ms?: number;
}

/** A rate limit as stored and shown, its defaults filled in. */
export interface RateLimitView {
  requests: number;
  per: RateLimitPeriod;
  burst: number;
  max_wait_ms: number;
}

/** A rate limit with its defaults filled in (burst 1, max_wait_ms 1000), as it is stored and shown: one way everywhere. */
export function rateLimitViewOf(limit: RateLimitInput): RateLimitView {
  return { requests: limit.requests, per: limit.per, burst: limit.burst ?? 1, max_wait_ms: limit.max_wait_ms ?? 1000 };
}
