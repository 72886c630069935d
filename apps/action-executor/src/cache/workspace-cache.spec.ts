import { WorkspaceCache } from './workspace-cache.js';

interface Entry {
  name: string;
}

const entry = (name: string) => (): Promise<Entry> => Promise.resolve({ name });

// A load the test finishes when it chooses, counting how often it was started.
function gatedLoad(): { load: () => Promise<Entry>; finish: (name: string) => void; started: () => number } {
  let started = 0;
  let finish: (name: string) => void = () => undefined;
  const load = (): Promise<Entry> => {
    started += 1;
    return new Promise<Entry>((resolve) => (finish = (name) => resolve({ name })));
  };
  return { load, finish: (name) => finish(name), started: () => started };
}

describe('WorkspaceCache', () => {
  it('loads once and answers from memory afterwards', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    let loads = 0;
    const load = (): Promise<Entry> => Promise.resolve({ name: `value-${(loads += 1)}` });
    expect(await cache.getOrLoad('ws1', 'plan', load)).toEqual({ value: { name: 'value-1' }, origin: 'loaded' });
    expect(await cache.getOrLoad('ws1', 'plan', load)).toEqual({ value: { name: 'value-1' }, origin: 'cache' });
    expect(loads).toBe(1);
  });

  it('merges simultaneous misses of one key into one load', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    const gate = gatedLoad();
    const first = cache.getOrLoad('ws1', 'a', gate.load);
    const second = cache.getOrLoad('ws1', 'a', gate.load);
    gate.finish('once');
    expect(await Promise.all([first, second])).toEqual([
      { value: { name: 'once' }, origin: 'loaded' },
      { value: { name: 'once' }, origin: 'joined' },
    ]);
    expect(gate.started()).toBe(1);
  });

  it('tells every caller waiting on a load that failed, and stores nothing', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    const failing = (): Promise<Entry> => Promise.reject(new Error('secrets service down'));
    const calls = [cache.getOrLoad('ws1', 'a', failing), cache.getOrLoad('ws1', 'a', failing)];
    for (const call of calls) await expect(call).rejects.toThrow('secrets service down');
    expect((await cache.getOrLoad('ws1', 'a', entry('after'))).origin).toBe('loaded');
  });

  it('serves an entry no longer than the maximum age, events or not', async () => {
    let clock = 1_000;
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10, maxAgeMs: 30_000, now: () => clock });
    await cache.getOrLoad('ws1', 'a', entry('first'));
    clock += 29_999;
    expect((await cache.getOrLoad('ws1', 'a', entry('never'))).value.name).toBe('first');
    clock += 2;
    expect(cache.peek('ws1', 'a')).toBeUndefined();
    expect(await cache.getOrLoad('ws1', 'a', entry('second'))).toEqual({ value: { name: 'second' }, origin: 'loaded' });
  });

  it('drops only the invalidated workspace', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    await cache.getOrLoad('ws1', 'a', entry('one'));
    await cache.getOrLoad('ws2', 'a', entry('two'));
    cache.invalidateWorkspace('ws1');
    expect((await cache.getOrLoad('ws1', 'a', entry('one, reloaded'))).value.name).toBe('one, reloaded');
    expect((await cache.getOrLoad('ws2', 'a', entry('never'))).value.name).toBe('two');
  });

  it.each([
    ['the workspace is invalidated', (cache: WorkspaceCache<Entry>) => cache.invalidateWorkspace('ws1')],
    ['the cache is cleared', (cache: WorkspaceCache<Entry>) => cache.clear()],
  ])('answers with what a load read but does not store it when %s meanwhile', async (_when, drop) => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    const gate = gatedLoad();
    const inFlight = cache.getOrLoad('ws1', 'a', gate.load);
    drop(cache);
    gate.finish('stale');
    expect((await inFlight).value.name).toBe('stale');
    expect(await cache.getOrLoad('ws1', 'a', entry('fresh'))).toEqual({ value: { name: 'fresh' }, origin: 'loaded' });
  });

  it('keeps a load started after an invalidation apart from the one it fenced off', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    const before = gatedLoad();
    const after = gatedLoad();
    const fenced = cache.getOrLoad('ws1', 'a', before.load);
    cache.invalidateWorkspace('ws1');
    const current = cache.getOrLoad('ws1', 'a', after.load);
    before.finish('stale');
    await fenced;
    cache.invalidateWorkspace('ws1');
    after.finish('also stale');
    await current;
    expect((await cache.getOrLoad('ws1', 'a', entry('fresh'))).value.name).toBe('fresh');
  });

  it('drops one entry, leaving the others', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    await cache.getOrLoad('ws1', 'a', entry('a'));
    await cache.getOrLoad('ws1', 'b', entry('b'));
    cache.delete('ws1', 'a');
    expect([cache.peek('ws1', 'a'), cache.peek('ws1', 'b')]).toEqual([undefined, { name: 'b' }]);
  });

  it('evicts the least recently used entry when full', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 2 });
    await cache.getOrLoad('ws', 'a', entry('a'));
    await cache.getOrLoad('ws', 'b', entry('b'));
    await cache.getOrLoad('ws', 'c', entry('c'));
    expect(cache.size).toBe(2);
    expect((await cache.getOrLoad('ws', 'a', entry('a again'))).value.name).toBe('a again');
  });
});

describe('WorkspaceCache counters', () => {
  it('counts lookups from memory and joined loads as hits, started loads as misses, failed ones included', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    const gate = gatedLoad();
    const first = cache.getOrLoad('ws1', 'a', gate.load);
    const joined = cache.getOrLoad('ws1', 'a', gate.load);
    gate.finish('a');
    await Promise.all([first, joined]);
    await cache.getOrLoad('ws1', 'a', entry('never'));
    await expect(cache.getOrLoad('ws1', 'b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 2, size: 1, max_entries: 10 });
  });

  it('counts entries dropped for room as evictions, and nothing else as one', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.getOrLoad('ws', key, entry(key));
    expect(cache.stats()).toMatchObject({ evictions: 2, invalidations: 0, expirations: 0, size: 2, max_entries: 2 });
  });

  it('counts entries dropped by an invalidation, a clear or a delete as invalidations', async () => {
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10 });
    for (const [workspace, key] of [['ws1', 'a'], ['ws1', 'b'], ['ws2', 'a'], ['ws3', 'a'], ['ws3', 'b']]) await cache.getOrLoad(workspace, key, entry(key));
    cache.invalidateWorkspace('ws1');
    cache.delete('ws2', 'a');
    cache.clear();
    expect(cache.stats()).toMatchObject({ invalidations: 5, evictions: 0, size: 0 });
  });

  it('counts an entry found too old as an expiration and a miss', async () => {
    let clock = 1_000;
    const cache = new WorkspaceCache<Entry>({ maxEntries: 10, maxAgeMs: 100, now: () => clock });
    await cache.getOrLoad('ws', 'a', entry('first'));
    clock += 101;
    await cache.getOrLoad('ws', 'a', entry('second'));
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 2, expirations: 1, invalidations: 0, size: 1 });
  });
});
