import type { AppWithActionView } from '@switchboard/contracts';
import type { InputSchemaCheck } from '../runs/input-schema-check.js';
import { WorkspaceCache } from './workspace-cache.js';

/** An action as the catalog defines it, with its app, and its input schemas compiled. */
export interface CatalogAction {
  app: AppWithActionView;
  checkInput?: InputSchemaCheck;
}

/**
 * Actions per (workspace, app tag, action tag). Only the catalog changes them, so only `events.catalog.*` drops them:
 * the first run after a connection or secret changed refetches its plan and secrets, not its action.
 */
export class ActionCache extends WorkspaceCache<CatalogAction> {
  constructor(maxAgeMs: number, maxEntries: number) {
    super({ maxEntries, maxAgeMs });
  }
}
