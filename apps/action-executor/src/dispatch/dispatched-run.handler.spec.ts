import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { PinoLogger } from 'nestjs-pino';
import type { RunRecordStore } from '../run-records/run-record.store.js';
import type { ActionRunner } from '../runs/action-runner.js';
import { DispatchConfig } from './dispatch.config.js';
import { DispatchedRunHandler, type DispatchDelivery } from './dispatched-run.handler.js';

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
  } as unknown as DispatchDelivery;
  return { delivery, settled };
}

function handlerWith(store: Partial<RunRecordStore>, runner: Partial<ActionRunner> = {}) {
  const config = Object.assign(new DispatchConfig(), { DISPATCH_MAX_ATTEMPTS: 3, DISPATCH_RETRY_BACKOFF_MS: 100, DISPATCH_RETRY_BACKOFF_MAX_MS: 1000 });
  const logger = { setContext: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as PinoLogger;
  return new DispatchedRunHandler(runner as ActionRunner, store as RunRecordStore, config, logger);
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
    const handler = handlerWith({ markRunning: () => Promise.resolve(false) }, { execute: () => ((ran = true), Promise.reject(new Error('must not run'))) });
    const { delivery, settled } = deliveryOf(message, 2);

    await handler.handle(delivery);

    expect([settled, ran]).toEqual([['ack'], false]);
  });

  it('dead-letters and terminates on the extra delivery after the last attempt, running nothing', async () => {
    const calls: string[] = [];
    const handler = handlerWith({
      deadLetterUnfinished: () => (calls.push('dead-letter'), Promise.resolve(true)),
      markRunning: () => (calls.push('mark running'), Promise.resolve(true)),
    });
    const { delivery, settled } = deliveryOf(message, 4);

    await handler.handle(delivery);

    expect([calls, settled]).toEqual([['dead-letter'], ['term attempts exhausted']]);
  });

  it('hands the run back with a backoff when its state cannot be recorded, rather than acknowledging it', async () => {
    const handler = handlerWith({ markRunning: () => Promise.reject(new DomainError(ErrorCode.InternalError, 'database down', {})) });
    const { delivery, settled } = deliveryOf(message, 2);

    await handler.handle(delivery);

    expect(settled).toEqual(['nak 200']);
  });
});
