import { loadConfig } from '@switchboard/platform';
import { CacheConfig } from './cache.config.js';

describe('CacheConfig', () => {
  it('bounds cached entries to 30 s unless told otherwise', () => {
    expect(loadConfig(CacheConfig, {}).EXECUTOR_CACHE_MAX_AGE_MS).toBe(30_000);
    expect(loadConfig(CacheConfig, { EXECUTOR_CACHE_MAX_AGE_MS: '5000' }).EXECUTOR_CACHE_MAX_AGE_MS).toBe(5000);
  });

  it.each(['0', '-1', '1.5', 'soon', '3600001'])('stops at start-up on a maximum age of %s', (value) => {
    expect(() => loadConfig(CacheConfig, { EXECUTOR_CACHE_MAX_AGE_MS: value })).toThrow(/EXECUTOR_CACHE_MAX_AGE_MS: /);
  });

  it('keeps at most 10,000 entries per cache unless told otherwise', () => {
    expect(loadConfig(CacheConfig, {}).EXECUTOR_CACHE_MAX_ENTRIES).toBe(10_000);
    expect(loadConfig(CacheConfig, { EXECUTOR_CACHE_MAX_ENTRIES: '50000' }).EXECUTOR_CACHE_MAX_ENTRIES).toBe(50_000);
  });

  it.each(['0', '-5', '2.5', 'many', '1000001'])('stops at start-up on a cap of %s entries', (value) => {
    expect(() => loadConfig(CacheConfig, { EXECUTOR_CACHE_MAX_ENTRIES: value })).toThrow(/EXECUTOR_CACHE_MAX_ENTRIES: /);
  });
});
