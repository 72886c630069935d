import { Injectable } from '@nestjs/common';
import type { ResolvedSecret } from '@switchboard/contracts';
import { WorkspaceCache } from './workspace-cache.js';

const MAX_CACHED_SECRETS = 10_000;

/**
 * Resolved secret values per (workspace, key, app, access tag, env), the things the secrets service's
 * checks depend on; dropped for the whole workspace on any `events.secrets.*`, so a rotation applies
 * to the very next run.
 */
@Injectable()
export class SecretValueCache extends WorkspaceCache<ResolvedSecret> {
  constructor() {
    super(MAX_CACHED_SECRETS);
  }
}
