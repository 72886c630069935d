/** The one NATS subject of the baseline pair (bench-only, so not part of the platform's contracts). */
export const BASELINE_RUN_SUBJECT = 'bench.baseline.run';
export const BASELINE_QUEUE = 'bench-baseline';
