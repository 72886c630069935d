/** One fault's figures: what the load achieved while it happened, and what was lost. */
export interface FaultRow {
  fault: string;
  requestsPerSecond: number;
  p99Ms: number;
  answers: number;
  /** Error answers by `<status> <code>`, the caller's view. */
  errors: ReadonlyMap<string, number>;
  unclear: number;
  dispatched: number;
  received: number;
  lost: number;
  duplicateRuns: number;
  failedRuns: number;
  repeatedCalls: number;
  uncredentialed: number;
  /** The largest executor's resident memory once the phase has settled. */
  executorMiB: number;
}

/** The p-th percentile (0–100) of `values`, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const COLUMNS = ['fault', 'req/s', 'p99 ms', 'answers', 'errors (status code: count)', 'unclear', 'dispatched', 'webhooks', 'lost', 'dup runs', 'runs failed', 'repeated calls', 'calls w/o key', 'executor RSS MiB'];

/** A markdown table, one row per fault, with the run's shape above it. */
export function renderChaosTable(title: string, rows: readonly FaultRow[]): string {
  const errors = (row: FaultRow): string =>
    [...row.errors]
      .sort((a, b) => b[1] - a[1])
      .map(([label, count]) => `${label}: ${count}`)
      .join(', ') || '0';
  const cells = rows.map((row) => [
    row.fault,
    row.requestsPerSecond.toFixed(0),
    row.p99Ms.toFixed(0),
    String(row.answers),
    errors(row),
    String(row.unclear),
    String(row.dispatched),
    String(row.received),
    String(row.lost),
    String(row.duplicateRuns),
    String(row.failedRuns),
    String(row.repeatedCalls),
    String(row.uncredentialed),
    String(row.executorMiB),
  ]);
  const line = (values: readonly string[]): string => `| ${values.join(' | ')} |`;
  return [`### ${title}`, '', line(COLUMNS), line(COLUMNS.map(() => '---')), ...cells.map(line), ''].join('\n');
}
