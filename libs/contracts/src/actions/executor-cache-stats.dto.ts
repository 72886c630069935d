/** The executor's caches, as {@link ExecutorCacheStatsReply} names them. */
export const EXECUTOR_CACHES = ['actions', 'run_plans', 'secret_values', 'access_tokens', 'webhook_receive_targets', 'forwarding_secrets'] as const;
export type ExecutorCacheName = (typeof EXECUTOR_CACHES)[number];

/**
 * What one cache of one executor counted since it started: plain monotonic counters (and two gauges), shaped so that
 * a metrics exporter can publish each as it is (`…_total{cache="run_plans"}`).
 */
export interface CacheStats {
  /** Lookups answered from memory, or by a load another lookup of the same key had started. */
  hits: number;
  /** Lookups that started a load. */
  misses: number;
  /** Entries dropped to stay within `max_entries`, the least recently used first. */
  evictions: number;
  /** Entries found older than the maximum age (noticed when looked up or when the cache is full). */
  expirations: number;
  /** Entries dropped on purpose: by a change event, a NATS reconnect, or a caller that found one no longer valid. */
  invalidations: number;
  /** Entries held now. */
  size: number;
  /** The cap (`EXECUTOR_CACHE_MAX_ENTRIES`). */
  max_entries: number;
}

/**
 * Reply of `executor.cache-stats.fetch`. Every executor replica answers it for its own caches (it subscribes outside
 * the queue group, as caches are per replica), so a plain request gets the first replica's answer.
 */
export interface ExecutorCacheStatsReply {
  /** The replica's process id, to tell the answers of several replicas apart. */
  pid: number;
  caches: Record<ExecutorCacheName, CacheStats>;
}
