import { WorkspaceCache } from './workspace-cache.js';

describe('WorkspaceCache', () => {
  it('loads once and answers from memory afterwards', async () => {
    const cache = new WorkspaceCache<string>(10);
    let loads = 0;
    const load = (): Promise<string> => Promise.resolve(`value-${(loads += 1)}`);
    expect(await cache.getOrLoad('ws1', 'plan', load)).toBe('value-1');
    expect(await cache.getOrLoad('ws1', 'plan', load)).toBe('value-1');
    expect(loads).toBe(1);
  });

  it('drops only the invalidated workspace', async () => {
    const cache = new WorkspaceCache<string>(10);
    await cache.getOrLoad('ws1', 'a', () => Promise.resolve('one'));
    await cache.getOrLoad('ws2', 'a', () => Promise.resolve('two'));
    cache.invalidateWorkspace('ws1');
    expect(await cache.getOrLoad('ws1', 'a', () => Promise.resolve('one, reloaded'))).toBe('one, reloaded');
    expect(await cache.getOrLoad('ws2', 'a', () => Promise.resolve('never'))).toBe('two');
  });

  it('does not store what a load read before an invalidation arrived', async () => {
    const cache = new WorkspaceCache<string>(10);
    let finishLoad: (value: string) => void = () => undefined;
    const inFlight = cache.getOrLoad('ws1', 'a', () => new Promise<string>((resolve) => (finishLoad = resolve)));
    cache.invalidateWorkspace('ws1');
    finishLoad('stale');
    expect(await inFlight).toBe('stale');
    expect(await cache.getOrLoad('ws1', 'a', () => Promise.resolve('fresh'))).toBe('fresh');
  });

  it('drops one entry, leaving the others', async () => {
    const cache = new WorkspaceCache<string>(10);
    await cache.getOrLoad('ws1', 'a', () => Promise.resolve('a'));
    await cache.getOrLoad('ws1', 'b', () => Promise.resolve('b'));
    cache.delete('ws1', 'a');
    expect([cache.peek('ws1', 'a'), cache.peek('ws1', 'b')]).toEqual([undefined, 'b']);
  });

  it('evicts the oldest entry when full', async () => {
    const cache = new WorkspaceCache<string>(2);
    await cache.getOrLoad('ws', 'a', () => Promise.resolve('a'));
    await cache.getOrLoad('ws', 'b', () => Promise.resolve('b'));
    await cache.getOrLoad('ws', 'c', () => Promise.resolve('c'));
    expect(cache.size).toBe(2);
    expect(await cache.getOrLoad('ws', 'a', () => Promise.resolve('a again'))).toBe('a again');
  });
});
