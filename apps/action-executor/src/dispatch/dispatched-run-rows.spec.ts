import { ErrorCode, type RunActionBody } from '@switchboard/contracts';
import type { FinishedRun } from '../run-records/finished-run.js';
import { stripeRunTarget } from '../../test/stripe-run-target.fixture.js';
import { attemptRow, queuedRunRow } from './dispatched-run-rows.js';

const SECRET = 'sk_live_dispatched_rows_spec';
const target = stripeRunTarget();
const run: RunActionBody = {
  env: 'prd',
  product: 'shop',
  app: 'stripe-payments',
  event: 'create-charge',
  input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, body: { amount: 2000 } },
};

function attempt(outcome: FinishedRun['outcome']): FinishedRun {
  return {
    runId: 'run_d',
    workspaceId: 'ws_1',
    run,
    input: run.input ?? {},
    target,
    secrets: { STRIPE_KEY: { value: SECRET, version: 2 } },
    startedAtEpochMs: Date.UTC(2025, 0, 31, 12, 0, 5),
    timings: { queue_ms: 5000, resolve_ms: 2, connect_ms: 0.1, upstream_ms: 20, total_ms: 23 },
    outcome,
  };
}

describe('queuedRunRow', () => {
  it('records the request as written, with no attempt, no timings and no secret version', () => {
    const message = { workspace_id: 'ws_1', run_id: 'run_d', run, dispatched_at: Date.UTC(2025, 0, 31, 12, 0, 0) };
    const row = queuedRunRow({ runId: 'run_d', workspaceId: 'ws_1', run, target, queuedAtEpochMs: Date.UTC(2025, 0, 31, 12, 0, 0) + 0.25, maxAttempts: 5, message });

    expect(row).toEqual({
      id: 'run_d',
      workspace_id: 'ws_1',
      product: 'shop',
      access_tag: 'stripe-payments',
      app: 'stripe',
      env: 'prd',
      event: 'create-charge',
      status: 'queued',
      http_status: null,
      error_code: null,
      error_message: null,
      method: 'POST',
      url: 'https://api.stripe.com/v1/charges',
      request_headers: { Authorization: 'Bearer $Token{STRIPE_KEY}', 'content-type': 'application/json' },
      request_body: { amount: 2000 },
      secret_versions: {},
      timings: { queue_ms: null, resolve_ms: null, connect_ms: null, upstream_ms: null, total_ms: null },
      attempts: 0,
      max_attempts: 5,
      dispatch_key: null,
      dispatch_fingerprint: null,
      dispatch_message: message,
      created_at: '2025-01-31T12:00:00.000250Z',
    });
  });
});

describe('attemptRow', () => {
  const unreachable: FinishedRun['outcome'] = {
    status: 'failed',
    error: { code: ErrorCode.UpstreamUnreachable, message: 'The upstream at https://api.stripe.com could not be reached', details: {} },
  };

  it('records a succeeded attempt as a synchronous run would, with its attempt counts', () => {
    const row = attemptRow(attempt({ status: 'succeeded', httpStatus: 201 }), { action: 'ack', status: 'succeeded' }, 2, 5);

    expect(row).toMatchObject({ status: 'succeeded', http_status: 201, attempts: 2, max_attempts: 5, secret_versions: { STRIPE_KEY: 2 }, timings: { queue_ms: 5000 } });
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });

  it('puts a run waiting for a retry back to queued, keeping the error that sent it back', () => {
    expect(attemptRow(attempt(unreachable), { action: 'retry', delayMs: 1000 }, 1, 5)).toMatchObject({
      status: 'queued',
      http_status: null,
      error_code: 'upstream_unreachable',
      attempts: 1,
    });
  });

  it('dead-letters with the last attempt’s error', () => {
    expect(attemptRow(attempt(unreachable), { action: 'dead_letter' }, 5, 5)).toMatchObject({ status: 'dead_lettered', error_code: 'upstream_unreachable', attempts: 5, max_attempts: 5 });
  });
});
