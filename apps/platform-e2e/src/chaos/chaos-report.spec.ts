import { percentile, renderChaosTable, type FaultRow } from './chaos-report.js';

describe('the chaos report', () => {
  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });

  it('renders one markdown row per fault, errors most frequent first', () => {
    const row: FaultRow = {
      fault: 'kill -9 one NATS node',
      requestsPerSecond: 123.4,
      p99Ms: 56.7,
      answers: 900,
      errors: new Map([
        ['504 service_timeout', 2],
        ['503 service_unavailable', 5],
      ]),
      unclear: 0,
      dispatched: 100,
      received: 80,
      lost: 0,
      duplicateRuns: 0,
      failedRuns: 1,
      repeatedCalls: 3,
      uncredentialed: 0,
      executorMiB: 150,
    };
    const table = renderChaosTable('Chaos', [row]).split('\n');
    expect(table[0]).toBe('### Chaos');
    expect(table[4]).toBe('| kill -9 one NATS node | 123 | 57 | 900 | 503 service_unavailable: 5, 504 service_timeout: 2 | 0 | 100 | 80 | 0 | 0 | 1 | 3 | 0 | 150 |');
  });
});
