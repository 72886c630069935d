const MAX_ROTATED_REFRESH_TOKENS = 10_000;

/**
 * Refresh tokens a token endpoint issued in place of the one the connection holds (rotation), kept in this executor's
 * memory and used for the following refreshes: with rotation the stored one may already be revoked. They are not
 * written back to the secret store yet, so a restart, another replica or an eviction falls back to the stored one.
 *
 * Keyed by a hash of the credentials as stored, so updating the secret makes the new value win. Unlike access tokens
 * they survive workspace change events: dropping one on an unrelated change could leave only a revoked token.
 */
export class RotatedRefreshTokens {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly maxEntries: number = MAX_ROTATED_REFRESH_TOKENS) {}

  get(key: string): string | undefined {
    return this.tokens.get(key);
  }

  set(key: string, refreshToken: string): void {
    // Re-inserted so that a connection in use stays at the young end, away from eviction.
    this.tokens.delete(key);
    if (this.tokens.size >= this.maxEntries) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    this.tokens.set(key, refreshToken);
  }

  get size(): number {
    return this.tokens.size;
  }
}
