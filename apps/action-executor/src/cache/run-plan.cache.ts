import { WorkspaceCache } from './workspace-cache.js';
import type { RunTarget } from '../runs/run-target.js';

const MAX_CACHED_PLANS = 10_000;

/** Compiled run targets per (workspace, product, access tag, env, event): a warm run asks no other service for them. */
export class RunPlanCache extends WorkspaceCache<RunTarget> {
  constructor(maxAgeMs: number) {
    super({ maxEntries: MAX_CACHED_PLANS, maxAgeMs });
  }
}
