import { describe, expect, it } from '@jest/globals';
import { EXECUTOR_CACHES, type CacheStats, type ExecutorCacheStatsReply } from '@switchboard/contracts';
import { statsBetween } from './tenants-measurement.js';

const reply = (planStats: CacheStats): ExecutorCacheStatsReply => {
  const empty: CacheStats = { hits: 0, misses: 0, evictions: 0, expirations: 0, invalidations: 0, size: 0, max_entries: 5 };
  return { pid: 1, caches: Object.fromEntries(EXECUTOR_CACHES.map((name) => [name, name === 'run_plans' ? planStats : empty])) as ExecutorCacheStatsReply['caches'] };
};

describe('statsBetween', () => {
  it('subtracts every counter and keeps the later size and cap', () => {
    const before = reply({ hits: 3, misses: 4, evictions: 1, expirations: 2, invalidations: 5, size: 4, max_entries: 5 });
    const after = reply({ hits: 10, misses: 9, evictions: 6, expirations: 2, invalidations: 7, size: 5, max_entries: 5 });
    expect(statsBetween(before, after).run_plans).toEqual({ hits: 7, misses: 5, evictions: 5, expirations: 0, invalidations: 2, size: 5, max_entries: 5 });
    expect(statsBetween(before, after).secret_values).toEqual({ hits: 0, misses: 0, evictions: 0, expirations: 0, invalidations: 0, size: 0, max_entries: 5 });
  });
});
