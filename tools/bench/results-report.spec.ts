import { describe, expect, it } from '@jest/globals';
import { EXECUTOR_CACHES, type CacheStats, type ExecutorCacheName } from '@switchboard/contracts';
import { cachesSection, type CachesReport } from './results-report.js';

const stats = (overrides: Partial<CacheStats> = {}): CacheStats => ({
  hits: 0,
  misses: 0,
  evictions: 0,
  expirations: 0,
  invalidations: 0,
  size: 0,
  max_entries: 10_000,
  ...overrides,
});

const everyCache = (overrides: Partial<Record<ExecutorCacheName, Partial<CacheStats>>> = {}): Record<ExecutorCacheName, CacheStats> =>
  Object.fromEntries(EXECUTOR_CACHES.map((name) => [name, stats(overrides[name])])) as Record<ExecutorCacheName, CacheStats>;

function report(
  overrides: { coldP50Ms?: number; peakRssMiB?: number; passes?: number; planSize?: number; coldRounds?: number; finalRssMiB?: number } = {},
): CachesReport {
  return {
    coldPath: {
      rounds: 200,
      cold: { p50Ms: overrides.coldP50Ms ?? 3.5, p99Ms: 9 },
      warm: { p50Ms: 1.5, p99Ms: 4 },
      coldRounds: overrides.coldRounds ?? 200,
      warmRounds: 200,
      invalidationSeen: { p50Ms: 0.4, p99Ms: 1.2 },
    },
    tenants: {
      tenants: 10_000,
      connectionsEach: 5,
      passes: overrides.passes ?? 1,
      runs: 50_000 * (overrides.passes ?? 1),
      runsInFlight: 50,
      failed: 0,
      elapsedMs: 80_000,
      rssMiB: { before: 120, peak: overrides.peakRssMiB ?? 140, after: 135 },
      rssByProgress: [
        { runs: 25_000, rssMiB: 131 },
        { runs: 50_000, rssMiB: overrides.finalRssMiB ?? 134.6 },
      ],
      caches: everyCache({ run_plans: { hits: 0, misses: 50_000, evictions: 40_000, size: overrides.planSize ?? 10_000 } }),
      lastPass: everyCache({ run_plans: { hits: 250, misses: 750 } }),
    },
  };
}

const line = (lines: string[], start: string): string | undefined => lines.find((text) => text.startsWith(start));

describe('cachesSection', () => {
  it('reports cold and warm with their difference, and the 3 ms target met', () => {
    const lines = cachesSection(report());
    expect(line(lines, '| **cold − warm**')).toBe('| **cold − warm** | +2.00 ms | +5.00 ms |');
    expect(line(lines, '| cold p50 − warm p50')).toBe('| cold p50 − warm p50 at 1 client ≤ 3 ms | +2.00 ms | ✅ met |');
  });

  it('marks the cold target not met beyond 3 ms, and says when a cold run was not cold', () => {
    const lines = cachesSection(report({ coldP50Ms: 4.6, coldRounds: 199 }));
    expect(line(lines, '| cold p50 − warm p50')).toBe('| cold p50 − warm p50 at 1 client ≤ 3 ms | +3.10 ms | ❌ not met |');
    expect(lines.find((text) => text.startsWith('Of 200 rounds'))).toContain('199 cold runs missed in both the run plan and the secret cache and 200 warm runs missed in neither (❌ not met)');
  });

  it('gives each cache its counters and hit rate, and the memory and cap targets', () => {
    const lines = cachesSection(report({ peakRssMiB: 180, planSize: 10_001 }));
    expect(line(lines, '| cache |')).toBe('| cache | cap | size after | hits | misses | hit rate | evictions | expirations |');
    expect(line(lines, '| `run_plans`')).toBe('| `run_plans` | 10,000 | 10,001 | 0 | 50,000 | 0.0 % | 40,000 | 0 |');
    expect(line(lines, '| `access_tokens`')).toBe('| `access_tokens` | 10,000 | 0 | 0 | 0 | – | 0 | 0 |');
    expect(line(lines, '| every cache within its cap')).toBe('| every cache within its cap (10,000) after 50,000 connections | no | ❌ not met |');
    expect(line(lines, '| action-executor VmRSS')).toBe(
      '| action-executor VmRSS over the second half of the many-tenants row grows ≤ 10 % | 131 MiB after 25,000 runs → 135 MiB after 50,000 (+2.7 %) | ✅ met |',
    );
  });

  it('marks memory that still grows over the second half of the row as not bounded', () => {
    expect(line(cachesSection(report({ finalRssMiB: 150 })), '| action-executor VmRSS')).toBe(
      '| action-executor VmRSS over the second half of the many-tenants row grows ≤ 10 % | 131 MiB after 25,000 runs → 150 MiB after 50,000 (+14.5 %) | ❌ not met |',
    );
  });

  it('shows memory before, at its peak, after, and as the runs went on', () => {
    expect(cachesSection(report()).find((text) => text.startsWith('Executor VmRSS'))).toBe(
      'Executor VmRSS: 120 MiB before the row, peak 140 MiB during it (sampled every 200 ms), 135 MiB right after it; as the runs went on: ' +
        '131 MiB after 25,000 runs, 135 MiB after 50,000 runs (flat once the caches are at their cap, if they are what bounds it).',
    );
  });

  it('adds the last pass hit rate only when the connections ran more than once', () => {
    const lines = cachesSection(report({ passes: 2 }));
    expect(line(lines, '| cache |')).toBe('| cache | cap | size after | hits | misses | hit rate | hit rate, last pass | evictions | expirations |');
    expect(line(lines, '| `run_plans`')).toBe('| `run_plans` | 10,000 | 10,000 | 0 | 50,000 | 0.0 % | 25.0 % | 40,000 | 0 |');
  });
});
