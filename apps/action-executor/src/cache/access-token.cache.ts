import { WorkspaceCache } from './workspace-cache.js';

/** An OAuth2 access token and when to stop using it (epoch ms, already shortened by a safety margin). */
export interface CachedAccessToken {
  value: string;
  usableUntilMs: number;
}

/**
 * OAuth2 access tokens per (workspace, scheme, token URL, hash of the client credentials they were issued for), so
 * runs reuse a token until shortly before it expires. Dropped for the whole workspace on any connection, catalog or
 * secrets event like the other caches, except the executor's own storing of a rotated refresh token; a changed client
 * secret changes the hash anyway, so it can never be served a token issued for the old value. No maximum age beyond
 * the token's own lifetime: the secrets and plan a token is used with are resolved first, under theirs.
 */
export class AccessTokenCache extends WorkspaceCache<CachedAccessToken> {
  constructor(maxEntries: number) {
    super({ maxEntries });
  }
}
