import type { CacheStats } from '@switchboard/contracts';
import type { LRUCache } from 'lru-cache';

/**
 * Hits, misses and the ways entries leave one cache, counted as they happen: plain numbers `executor.cache-stats.fetch`
 * answers with and the executor's `/metrics` reads at scrape time (CacheMetrics), both through {@link CacheCounters.stats}.
 */
export class CacheCounters {
  hits = 0;
  misses = 0;
  evictions = 0;
  expirations = 0;
  invalidations = 0;

  /**
   * Counts one lookup by how lru-cache's `fetch` answered it: from memory or a load under way is a hit. An entry found
   * too old is reloaded in place (lru-cache disposes it as replaced, not expired), so it is counted here.
   */
  countFetch(status: LRUCache.Status<unknown, unknown>['fetch']): void {
    if (status === 'hit' || status === 'inflight') {
      this.hits += 1;
      return;
    }
    this.misses += 1;
    if (status === 'stale') this.expirations += 1;
  }

  /** lru-cache's `dispose`: an entry left, and why. A value replaced under the same key ('set') is not counted. */
  readonly countDisposal = (_value: unknown, _key: unknown, reason: LRUCache.DisposeReason): void => {
    if (reason === 'evict') this.evictions += 1;
    else if (reason === 'expire') this.expirations += 1;
    else if (reason === 'delete') this.invalidations += 1;
  };

  stats(size: number, maxEntries: number): CacheStats {
    const { hits, misses, evictions, expirations, invalidations } = this;
    return { hits, misses, evictions, expirations, invalidations, size, max_entries: maxEntries };
  }
}
