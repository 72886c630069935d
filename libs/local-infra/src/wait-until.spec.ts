import { jest } from '@jest/globals';
import { waitUntil } from './wait-until.js';

describe('waitUntil', () => {
  it('resolves as soon as the probe answers true', async () => {
    let calls = 0;
    await waitUntil(() => Promise.resolve(++calls === 3), { what: 'the third call', timeoutMs: 5_000, intervalMs: 1 });
    expect(calls).toBe(3);
  });

  it('treats a throwing probe as "not yet" and names the last error when it times out', async () => {
    await expect(
      waitUntil(
        () => Promise.reject(new Error('connection refused')),
        { what: 'a server that never comes', timeoutMs: 50, intervalMs: 5 },
      ),
    ).rejects.toThrow(/Timed out after 50 ms waiting for a server that never comes \(last error: connection refused\)/);
  });

  it('stops at once with the error that failFast reports', async () => {
    const probe = jest.fn(() => Promise.resolve(false));
    await expect(waitUntil(probe, { what: 'x', timeoutMs: 5_000, failFast: () => new Error('the process exited') })).rejects.toThrow('the process exited');
    expect(probe).not.toHaveBeenCalled();
  });
});
