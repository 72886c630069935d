import { describe, expect, it } from '@jest/globals';
import { BENCH_SECTIONS, selectedSections } from './bench-sections.js';

describe('selectedSections', () => {
  it('runs every section when BENCH_ONLY is unset or blank', () => {
    expect([selectedSections(undefined), selectedSections(' ')]).toEqual([[...BENCH_SECTIONS], [...BENCH_SECTIONS]]);
  });

  it('keeps the running order whatever order BENCH_ONLY names them in, and ignores spaces and repeats', () => {
    expect(selectedSections('import, replicas,caches,webhooks,webhooks')).toEqual(['webhooks', 'caches', 'replicas', 'import']);
  });

  it('refuses a name that is no section, naming it and the valid ones', () => {
    expect(() => selectedSections('webhooks,webhook')).toThrow('BENCH_ONLY names no section "webhook": use a comma-separated list of paths, webhooks, caches, replicas, import');
  });
});
