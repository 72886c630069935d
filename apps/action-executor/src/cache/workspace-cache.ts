import type { CacheStats } from '@switchboard/contracts';
import { LRUCache } from 'lru-cache';
import { CacheCounters } from './cache-counters.js';

export interface WorkspaceCacheOptions {
  /** Entries kept at most; the least recently used goes first. */
  maxEntries: number;
  /** How long an entry is served after it was stored, whatever events were missed; unbounded when absent. */
  maxAgeMs?: number;
  /** The clock, in ms; tests move it instead of waiting. */
  now?: () => number;
}

/** Where a value came from: memory, a load another caller had already started, or this caller's own load. */
export type CacheOrigin = 'cache' | 'joined' | 'loaded';

export interface Cached<V> {
  value: V;
  origin: CacheOrigin;
}

type Load<V> = () => Promise<V>;

/**
 * An in-memory cache whose entries belong to workspaces, emptied a workspace at a time when a domain event says
 * something of that workspace changed, and entirely when the events may have been missed. Callers missing the same
 * key at the same moment share one load; a load whose entry was dropped while it ran answers its callers but is not
 * stored, so what it read before the change cannot outlive it.
 */
export class WorkspaceCache<V extends object> {
  readonly #entries: LRUCache<string, V, Load<V>>;
  readonly #counters = new CacheCounters();
  // lru-cache's keys() leaves out loads under way, which an invalidation has to drop as well.
  readonly #loading = new Map<string, number>();

  constructor(options: WorkspaceCacheOptions) {
    this.#entries = new LRUCache<string, V, Load<V>>({
      max: options.maxEntries,
      ...(options.maxAgeMs === undefined ? {} : { ttl: options.maxAgeMs }),
      ...(options.now === undefined ? {} : { perf: { now: options.now } }),
      // The clock is read at every check instead of being remembered for a millisecond behind a timer.
      ttlResolution: 0,
      // A dropped entry's load still answers the runs waiting on it; only storing what it read is prevented.
      ignoreFetchAbort: true,
      fetchMethod: (entryKey, _stale, { context }) => this.#load(entryKey, context),
      dispose: this.#counters.countDisposal,
    });
  }

  /** The cached value, the one a load under way brings, or a newly loaded one. */
  async getOrLoad(workspaceId: string, key: string, load: Load<V>): Promise<Cached<V>> {
    const status: LRUCache.Status<string, V, Load<V>> = {};
    const fetched = this.#entries.fetch(entryKeyOf(workspaceId, key), { context: load, status });
    // Counted before waiting: status.fetch is set synchronously, and a failed load is a miss all the same.
    this.#counters.countFetch(status.fetch);
    const value = await fetched;
    // lru-cache resolves undefined only for a load that yields it or an abort it does not ignore; ours do neither.
    return { value: value as V, origin: status.fetch === 'hit' ? 'cache' : status.fetch === 'inflight' ? 'joined' : 'loaded' };
  }

  /** The cached value, if any and not too old, without loading. */
  peek(workspaceId: string, key: string): V | undefined {
    return this.#entries.peek(entryKeyOf(workspaceId, key));
  }

  /** Drops one entry, e.g. a value found to be no longer valid before it was due to go. */
  delete(workspaceId: string, key: string): void {
    this.#entries.delete(entryKeyOf(workspaceId, key));
  }

  /** Drops every entry of the workspace, loads under way included. */
  invalidateWorkspace(workspaceId: string): void {
    const prefix = entryKeyOf(workspaceId, '');
    for (const entryKey of [...this.#entries.keys(), ...this.#loading.keys()]) if (entryKey.startsWith(prefix)) this.#entries.delete(entryKey);
  }

  /** Drops every entry of every workspace, loads under way included. */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Its counters since it was made, with its size and cap. */
  stats(): CacheStats {
    return this.#counters.stats(this.#entries.size, this.#entries.max);
  }

  async #load(entryKey: string, load: Load<V>): Promise<V> {
    this.#loading.set(entryKey, (this.#loading.get(entryKey) ?? 0) + 1);
    try {
      return await load();
    } finally {
      // A second load of the key may have started after the first one's entry was dropped.
      const left = (this.#loading.get(entryKey) ?? 1) - 1;
      if (left === 0) this.#loading.delete(entryKey);
      else this.#loading.set(entryKey, left);
    }
  }
}

function entryKeyOf(workspaceId: string, key: string): string {
  return `${workspaceId}\u0000${key}`;
}
