import type { CacheStats, WebhookReceiveTarget } from '@switchboard/contracts';
import { LRUCache } from 'lru-cache';
import { CacheCounters } from './cache-counters.js';

type Load = () => Promise<WebhookReceiveTarget>;

/**
 * The webhook and env each receive id belongs to, so a warm receipt asks the connection service nothing. Keyed by
 * receive id (all a sender gives), dropped per workspace on its `events.connection.>` like run plans, and bounded in
 * age like them. Unknown ids are never kept: a webhook created later must be found at once.
 */
export class WebhookReceiveTargetCache {
  readonly #entries: LRUCache<string, WebhookReceiveTarget, Load>;
  readonly #counters = new CacheCounters();

  constructor(maxAgeMs: number, maxEntries: number) {
    this.#entries = new LRUCache<string, WebhookReceiveTarget, Load>({
      max: maxEntries,
      ttl: maxAgeMs,
      ttlResolution: 0,
      ignoreFetchAbort: true,
      fetchMethod: (_receiveId, _stale, { context }) => context(),
      dispose: this.#counters.countDisposal,
    });
  }

  /** The cached target, the one a load under way brings, or a newly loaded one; a failed load is not kept. */
  async getOrLoad(receiveId: string, load: Load): Promise<WebhookReceiveTarget> {
    const status: LRUCache.Status<string, WebhookReceiveTarget, Load> = {};
    const fetched = this.#entries.fetch(receiveId, { context: load, status });
    this.#counters.countFetch(status.fetch);
    // lru-cache resolves undefined only for a load that yields it or an abort it does not ignore; ours do neither.
    return (await fetched) as WebhookReceiveTarget;
  }

  /** Drops every receive id of the workspace. */
  invalidateWorkspace(workspaceId: string): void {
    for (const [receiveId, target] of this.#entries.entries()) if (target.workspace_id === workspaceId) this.#entries.delete(receiveId);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Its counters since it was made, with its size and cap. */
  stats(): CacheStats {
    return this.#counters.stats(this.#entries.size, this.#entries.max);
  }
}
