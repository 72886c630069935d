import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { ExecutorCaches } from './executor-caches.js';

/**
 * The executor's cache counters (the same CacheCounters `executor.cache-stats.fetch` answers with) as Prometheus
 * metrics, read at scrape time: a lookup costs nothing more than the plain counting it already does.
 */
@Injectable()
export class CacheMetrics {
  constructor(registry: Registry, caches: ExecutorCaches) {
    // Counters that mirror counters kept elsewhere: each scrape sets them from the source rather than adding to them.
    new Counter({
      name: 'switchboard_executor_cache_lookups_total',
      help: 'Lookups in each executor cache by result: hit (in memory, or a load already under way) or miss',
      labelNames: ['cache', 'result'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [cache, stats] of Object.entries(caches.stats())) {
          this.inc({ cache, result: 'hit' }, stats.hits);
          this.inc({ cache, result: 'miss' }, stats.misses);
        }
      },
    });
    new Counter({
      name: 'switchboard_executor_cache_removals_total',
      help: 'Entries that left each executor cache, by reason: eviction (the cache was full), expiration (too old), invalidation (a change event)',
      labelNames: ['cache', 'reason'] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [cache, stats] of Object.entries(caches.stats())) {
          this.inc({ cache, reason: 'eviction' }, stats.evictions);
          this.inc({ cache, reason: 'expiration' }, stats.expirations);
          this.inc({ cache, reason: 'invalidation' }, stats.invalidations);
        }
      },
    });
    new Gauge({
      name: 'switchboard_executor_cache_entries',
      help: 'Entries held by each executor cache now',
      labelNames: ['cache'] as const,
      registers: [registry],
      collect() {
        for (const [cache, stats] of Object.entries(caches.stats())) this.set({ cache }, stats.size);
      },
    });
    new Gauge({
      name: 'switchboard_executor_cache_max_entries',
      help: 'The cap on entries of each executor cache (EXECUTOR_CACHE_MAX_ENTRIES)',
      labelNames: ['cache'] as const,
      registers: [registry],
      collect() {
        for (const [cache, stats] of Object.entries(caches.stats())) this.set({ cache }, stats.max_entries);
      },
    });
  }
}
