import { WorkspaceCache } from './workspace-cache.js';
import type { RunTarget } from '../runs/run-target.js';

/** Compiled run targets per (workspace, product, access tag, env, event): a warm run asks no other service for them. */
export class RunPlanCache extends WorkspaceCache<RunTarget> {
  constructor(maxAgeMs: number, maxEntries: number) {
    super({ maxEntries, maxAgeMs });
  }
}
