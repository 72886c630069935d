import { describe, expect, it } from '@jest/globals';
import { percentile, summariseLatencies } from './latency-summary.js';

describe('percentile', () => {
  it('takes the nearest rank, so p50 of 1..100 is 50 and p99 is 99', () => {
    const values = Float64Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([50, 99, 100]);
  });

  it('is NaN when nothing was measured', () => {
    expect(percentile(new Float64Array(), 50)).toBeNaN();
  });
});

describe('summariseLatencies', () => {
  it('sorts numerically rather than as strings', () => {
    expect(summariseLatencies([10, 9, 100, 2, 1])).toEqual({ p50Ms: 9, p99Ms: 100 });
  });
});
