/** Nearest-rank percentile (`p` in 0..100) of values sorted ascending; NaN when there are none. */
export function percentile(sortedAscending: Float64Array, p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(Math.max(rank, 1), sortedAscending.length) - 1] ?? Number.NaN;
}

/** p50 and p99 of a set of latencies in milliseconds. */
export function summariseLatencies(latenciesMs: readonly number[]): { p50Ms: number; p99Ms: number } {
  const sorted = Float64Array.from(latenciesMs).sort();
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}
