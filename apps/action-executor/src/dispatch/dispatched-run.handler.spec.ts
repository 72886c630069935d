import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { PinoLogger } from 'nestjs-pino';
import { stripeRunTarget } from '../../test/stripe-run-target.fixture.js';
import { timedOut } from '../outbound/upstream-failure.js';
import type { RunRecordStore } from '../run-records/run-record.store.js';
import type { RunTrace } from '../run-records/run-trace.js';
import type { ActionRunner } from '../runs/action-runner.js';
import { DispatchConfig } from './dispatch.config.js';
import type { StreamDelivery } from '../jetstream/stream-delivery.js';
import { DispatchedRunHandler } from './dispatched-run.handler.js';
import { Registry } from 'prom-client';
import { RunMetrics } from '../run-records/run-metrics.js';

const RUN_ID = 'run_0b6f2d1e-6a57-4c2e-9d1a-1f0b9e2c3d4e';
const message = {
  workspace_id: 'ws_1',
  run_id: RUN_ID,
  run: { env: 'prd', product: 'shop', app: 'orders', event: 'create-order' },
  dispatched_at: 1_700_000_000_000,
};

/** A delivery that remembers how it was settled. */
function deliveryOf(payload: unknown, deliveryCount = 1) {
  const settled: string[] = [];
  const delivery = {
    info: { deliveryCount },
    seq: 7,
    json: () => payload,
    working: () => undefined,
    ack: () => settled.push('ack'),
    nak: (delay?: number) => settled.push(`nak ${delay}`),
    term: (reason?: string) => settled.push(`term ${reason}`),
  } as unknown as StreamDelivery;
  return { delivery, settled };
}

function handlerWith(store: Partial<RunRecordStore>, runner: Partial<ActionRunner> = {}) {
  const config = Object.assign(new DispatchConfig(), { DISPATCH_MAX_ATTEMPTS: 3, DISPATCH_RETRY_BACKOFF_MS: 100, DISPATCH_RETRY_BACKOFF_MAX_MS: 1000 });
  const logger = { setContext: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as PinoLogger;
  return new DispatchedRunHandler(runner as ActionRunner, store as RunRecordStore, config, logger, new RunMetrics(new Registry()));
}

describe('DispatchedRunHandler', () => {
  it('terminates a message it cannot read and dead-letters the run it names', async () => {
    const deadLettered: unknown[] = [];
    const handler = handlerWith({ deadLetterUnfinished: (workspaceId, runId, error) => (deadLettered.push([workspaceId, runId, error.code]), Promise.resolve(true)) });
    const { delivery, settled } = deliveryOf({ ...message, added_by_a_newer_version: true });

    await handler.handle(delivery);

    expect(settled).toEqual(['term not a dispatched run']);
    expect(deadLettered).toEqual([['ws_1', RUN_ID, ErrorCode.ValidationFailed]]);
  });

  it('acknowledges without running a run whose outcome is already recorded', async () => {
    let ran = false;
    const handler = handlerWith({ startAttempt: () => Promise.resolve({ state: 'ended' as const }) }, { execute: () => ((ran = true), Promise.reject(new Error('must not run'))) });
    const { delivery, settled } = deliveryOf(message, 2);

    await handler.handle(delivery);

    expect([settled, ran]).toEqual([['ack'], false]);
  });

  it('dead-letters and terminates a run whose attempts are used up, running nothing', async () => {
    const deadLettered: unknown[] = [];
    let ran = false;
    const handler = handlerWith(
      {
        startAttempt: () => Promise.resolve({ state: 'exhausted' as const, attempts: 3 }),
        deadLetterUnfinished: (_workspace, _run, error) => (deadLettered.push(error.message), Promise.resolve(true)),
      },
      { execute: () => ((ran = true), Promise.reject(new Error('must not run'))) },
    );
    const { delivery, settled } = deliveryOf(message, 9);

    await handler.handle(delivery);

    expect([deadLettered, settled, ran]).toEqual([['Attempt 3 of 3 did not finish: the executor running it stopped or stopped answering'], ['term attempts exhausted'], false]);
  });

  it.each([
    [{}, ['ack'], 'failed'],
    [{ 'Idempotency-Key': 'order-1' }, [expect.stringMatching(/^nak \d+$/)], 'queued'],
  ])('after a POST timed out waiting for its answer (headers %j), repeats it only if it is repeatable', async (headers, expected, status) => {
    const written: string[] = [];
    const handler = handlerWith(
      { startAttempt: () => Promise.resolve({ state: 'started' as const, attempt: 1 }), upsert: (row) => (written.push(row.status), Promise.resolve(true)) },
      {
        execute: (trace: RunTrace) => {
          trace.inputRead({ headers });
          trace.targetFound(stripeRunTarget());
          return Promise.reject(timedOut('https://api.stripe.com', 30_000, 'headers'));
        },
      },
    );
    const { delivery, settled } = deliveryOf(message, 1);

    await handler.handle(delivery);

    expect([settled, written]).toEqual([expected, [status]]);
  });

  it('hands the run back with a backoff when its state cannot be recorded, rather than acknowledging it', async () => {
    const handler = handlerWith({ startAttempt: () => Promise.reject(new DomainError(ErrorCode.InternalError, 'database down', {})) });
    const { delivery, settled } = deliveryOf(message, 2);

    await handler.handle(delivery);

    // The second delivery waits a jittered share of twice the 100 ms backoff.
    expect(settled).toEqual([expect.stringMatching(/^nak \d+$/)]);
    expect(Number(settled[0]?.split(' ')[1])).toBeLessThan(200);
  });
});
