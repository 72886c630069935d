import { IsInt, Max, Min } from 'class-validator';

/** Settings of the executor's caches, each with a default for local use. */
export class CacheConfig {
  /**
   * How long a cached run plan or secret value is served after it was loaded. Change events drop entries at once;
   * this bounds what an event that never arrived can leave behind.
   */
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  EXECUTOR_CACHE_MAX_AGE_MS: number = 30_000;

  /**
   * Entries each cache (actions, run plans, secret sets, secret forecasts, access tokens, webhook receive ids,
   * forwarding secrets) keeps at most, the least recently used leaving first: what bounds the executor's memory
   * however many workspaces it serves.
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  EXECUTOR_CACHE_MAX_ENTRIES: number = 10_000;
}
