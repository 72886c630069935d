import type { WebhookReceiveTarget } from '@switchboard/contracts';
import { LRUCache } from 'lru-cache';

const MAX_CACHED_RECEIVE_IDS = 10_000;

type Load = () => Promise<WebhookReceiveTarget>;

/**
 * The webhook and env each receive id belongs to, so a warm receipt asks the connection service nothing. Keyed by
 * receive id (all a sender gives), dropped per workspace on its `events.connection.>` like run plans, and bounded in
 * age like them. Unknown ids are never kept: a webhook created later must be found at once.
 */
export class WebhookReceiveTargetCache {
  readonly #entries: LRUCache<string, WebhookReceiveTarget, Load>;

  constructor(maxAgeMs: number) {
    this.#entries = new LRUCache<string, WebhookReceiveTarget, Load>({
      max: MAX_CACHED_RECEIVE_IDS,
      ttl: maxAgeMs,
      ttlResolution: 0,
      ignoreFetchAbort: true,
      fetchMethod: (_receiveId, _stale, { context }) => context(),
    });
  }

  /** The cached target, the one a load under way brings, or a newly loaded one; a failed load is not kept. */
  async getOrLoad(receiveId: string, load: Load): Promise<WebhookReceiveTarget> {
    // lru-cache resolves undefined only for a load that yields it or an abort it does not ignore; ours do neither.
    return (await this.#entries.fetch(receiveId, { context: load })) as WebhookReceiveTarget;
  }

  /** Drops every receive id of the workspace. */
  invalidateWorkspace(workspaceId: string): void {
    for (const [receiveId, target] of this.#entries.entries()) if (target.workspace_id === workspaceId) this.#entries.delete(receiveId);
  }

  clear(): void {
    this.#entries.clear();
  }
}
