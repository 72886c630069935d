import { LRUCache } from 'lru-cache';
import type { SecretUseSite } from '../runs/run-secrets.js';

/** The secret references a run plan resolved, and where they were used. */
export interface ForecastSecrets {
  keys: readonly string[];
  site: SecretUseSite;
}

/**
 * The secrets each run plan resolved last, by workspace and plan. Unlike the plan it outlives the change events: it
 * holds no value, only what to ask for, so the plan's next load asks the secrets service at the same time as the
 * connection and catalog services instead of after them (docs/architecture.md, "The cold path"). A forecast that no
 * longer holds costs one request whose answer goes unused.
 */
export class SecretForecast {
  readonly #last: LRUCache<string, ForecastSecrets>;

  constructor(maxEntries: number) {
    this.#last = new LRUCache({ max: maxEntries });
  }

  remember(workspaceId: string, planKey: string, secrets: ForecastSecrets): void {
    this.#last.set(`${workspaceId}\u0000${planKey}`, secrets);
  }

  recall(workspaceId: string, planKey: string): ForecastSecrets | undefined {
    return this.#last.get(`${workspaceId}\u0000${planKey}`);
  }
}
