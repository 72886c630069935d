import { ErrorCode } from '@switchboard/contracts';
import { Registry } from 'prom-client';
import type { FinishedRun } from './finished-run.js';
import { RunMetrics, statusClassOf } from './run-metrics.js';

function finished(overrides: Partial<FinishedRun>): FinishedRun {
  return {
    runId: 'run_1',
    workspaceId: 'ws_1',
    run: { env: 'dev', product: 'shop', app: 'stripe-payments', event: 'charges.list' },
    input: {},
    target: undefined,
    secrets: {},
    startedAtEpochMs: 0,
    timings: { queue_ms: null, resolve_ms: 2, connect_ms: 0.5, upstream_ms: 40, total_ms: 43 },
    outcome: { status: 'succeeded', httpStatus: 201 },
    ...overrides,
  };
}

describe('RunMetrics', () => {
  it('counts a run by mode, status, code and upstream status class, never by workspace or app', async () => {
    const registry = new Registry();
    const metrics = new RunMetrics(registry);
    metrics.observe('sync', finished({}));
    metrics.observe('dispatched', finished({ outcome: { status: 'failed', error: { code: ErrorCode.UpstreamTimeout, message: 'slow', details: {} } } }));

    const text = await registry.metrics();
    expect(text).toContain('switchboard_action_runs_total{mode="sync",status="succeeded",code="none",upstream_status="2xx"} 1');
    expect(text).toContain('switchboard_action_runs_total{mode="dispatched",status="failed",code="upstream_timeout",upstream_status="none"} 1');
    expect(text).not.toMatch(/ws_1|stripe|charges/);
  });

  it('times each stage the run reached, in seconds, and leaves out the ones it did not', async () => {
    const registry = new Registry();
    new RunMetrics(registry).observe('sync', finished({}));

    const text = await registry.metrics();
    const sums = Object.fromEntries([...text.matchAll(/^switchboard_action_run_stage_seconds_sum\{mode="sync",stage="(\w+)"\} (\S+)$/gm)].map(([, stage, value]) => [stage, Number(value)]));
    expect(sums).toEqual({ resolve: 0.002, connect: 0.0005, upstream: 0.04, total: 0.043 });
  });

  it('sums an upstream status up to its class', () => {
    expect([statusClassOf(200), statusClassOf(304), statusClassOf(429), statusClassOf(503)]).toEqual(['2xx', '3xx', '4xx', '5xx']);
  });
});
