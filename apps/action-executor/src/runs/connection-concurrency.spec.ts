import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { rejectionOf } from '@switchboard/testing';
import { ConnectionConcurrency } from './connection-concurrency.js';

function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('ConnectionConcurrency', () => {
  it('lets a run over the cap start as soon as one in flight finishes', async () => {
    const limiter = new ConnectionConcurrency(1, 60_000);
    const first = gate();
    const order: string[] = [];
    const a = limiter.run('ws', 'stripe', async () => {
      await first.promise;
      order.push('a');
    });
    const b = limiter.run('ws', 'stripe', () => Promise.resolve(void order.push('b')));
    first.open();
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('keeps connections of other tenants out of a busy one’s lane', async () => {
    const limiter = new ConnectionConcurrency(1, 60_000);
    const busy = gate();
    const blocked = limiter.run('ws1', 'stripe', () => busy.promise);
    await expect(limiter.run('ws2', 'stripe', () => Promise.resolve('free'))).resolves.toBe('free');
    busy.open();
    await blocked;
  });

  it('refuses with connection_busy once the wait runs out', async () => {
    const limiter = new ConnectionConcurrency(1, 10);
    const busy = gate();
    const blocked = limiter.run('ws', 'stripe', () => busy.promise);
    const error = await rejectionOf(limiter.run('ws', 'stripe', () => Promise.resolve()), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.ConnectionBusy, "Connection 'stripe' already has 1 runs in flight on this executor; try again shortly"]);
    busy.open();
    await blocked;
  });

  it('frees the lane when a run fails', async () => {
    const limiter = new ConnectionConcurrency(1, 60_000);
    await expect(limiter.run('ws', 'stripe', () => Promise.reject(new Error('upstream broke')))).rejects.toThrow('upstream broke');
    await expect(limiter.run('ws', 'stripe', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
