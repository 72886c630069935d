import { createHash } from 'node:crypto';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { AccessTokenCache, CachedAccessToken } from '../../cache/access-token.cache.js';
import type { OutboundClient } from '../../outbound/outbound-client.js';
import type { OutboundResponse } from '../../outbound/outbound-request.js';
import type { OAuthGrant } from './oauth-grant.js';
import { tokenRequestOf, TOKEN_RESPONSE_MAX_BYTES } from './oauth-token-request.js';
import { issuedTokenOf } from './oauth-token-response.js';
import { LeaseBusyError, type RefreshLease } from './refresh-lease.js';
import type { RefreshTokenStore } from './refresh-token-write-back.js';
import { RotatedRefreshTokens } from './rotated-refresh-tokens.js';
import { tokenEndpointFailure } from './token-endpoint-failure.js';

/** An access token for a run, and whether it came from the cache (so a 401 may mean it went stale). */
export interface AccessToken {
  value: string;
  fromCache: boolean;
}

export interface OAuthTokenProviderOptions {
  /** How long the token endpoint may take to answer. */
  timeoutMs: number;
  /** Where a rotated refresh token is stored, when the grant says which secret holds it. */
  refreshTokens?: RefreshTokenStore;
  /** Makes refreshes of a stored refresh token take turns across executor replicas; without it they take turns here only. */
  lease?: RefreshLease;
  /** The clock, in epoch ms; tests move it instead of waiting. */
  now?: () => number;
}

// Used when the endpoint does not say how long a token lives: short, since a token used past its real lifetime costs
// the run a 401 and a retry, and asking again costs one small request a minute.
export const DEFAULT_TOKEN_LIFETIME_MS = 60_000;
// How long a replica waits for its turn to refresh, in token-request timeouts: the one before it may take one to ask
// and a little more to store what it got.
const LEASE_WAIT_PER_TOKEN_TIMEOUT = 2;
// However long the endpoint says: a revoked token should not outlive a day in memory.
const MAX_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
// A token is dropped this much before it expires, so that clock drift and time in flight never send an expired one.
const MAX_EXPIRY_SKEW_MS = 30_000;

/**
 * Access tokens for OAuth2 schemes: requested from the scheme's token endpoint through the outbound client (so the
 * address policy applies), cached until shortly before they expire, and requested once however many runs need the
 * same token at the same moment. A failed request is reported to every run that waited for it and never cached.
 */
export class OAuthTokenProvider {
  private readonly rotatedRefreshTokens = new RotatedRefreshTokens();
  private readonly now: () => number;

  constructor(
    private readonly outbound: OutboundClient,
    private readonly cache: AccessTokenCache,
    private readonly options: OAuthTokenProviderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** A usable access token for the grant: cached, joined to a request already under way, or newly requested. */
  async accessToken(workspaceId: string, grant: OAuthGrant): Promise<AccessToken> {
    const key = accessTokenKeyOf(grant);
    const cached = this.cache.peek(workspaceId, key);
    if (cached !== undefined && cached.usableUntilMs <= this.now()) this.cache.delete(workspaceId, key);
    const token = await this.cache.getOrLoad(workspaceId, key, () => this.requestToken(workspaceId, grant));
    return { value: token.value.value, fromCache: token.origin === 'cache' };
  }

  /**
   * Drops the cached token if it is still `value`, after the upstream refused it. Another run may already have
   * replaced it with a fresh one, which must stay.
   */
  forget(workspaceId: string, grant: OAuthGrant, value: string): void {
    const key = accessTokenKeyOf(grant);
    if (this.cache.peek(workspaceId, key)?.value === value) this.cache.delete(workspaceId, key);
  }

  private async requestToken(workspaceId: string, grant: OAuthGrant): Promise<CachedAccessToken> {
    const { lease, refreshTokens } = this.options;
    const stored = grant.refreshTokenSecret;
    if (grant.type !== 'oauth2_refresh_token' || stored === undefined || lease === undefined || refreshTokens === undefined) {
      return this.refresh(workspaceId, grant, (rotated) => {
        // Not awaited: the run has its token; storing the new refresh token is for the runs after it.
        if (stored !== undefined) void refreshTokens?.save(workspaceId, stored.key, rotated);
      });
    }
    // A token endpoint that rotates refresh tokens revokes the one just used: two replicas refreshing with it at once
    // would get one token and one `invalid_grant`. So replicas take turns, and each reads the secret again once it
    // has its turn, since the one before may have rotated and stored it meanwhile.
    try {
      return await lease.hold(`oauth2-refresh|${workspaceId}|${stored.key}`, this.options.timeoutMs * LEASE_WAIT_PER_TOKEN_TIMEOUT, async () => {
        const current = await refreshTokens.current(workspaceId, stored.key, stored.site);
        const writes: Promise<void>[] = [];
        const token = await this.refresh(workspaceId, { ...grant, refreshToken: current }, (rotated) => writes.push(refreshTokens.save(workspaceId, stored.key, rotated)));
        // Stored before the turn passes on, or the next replica would read the token this one just had revoked.
        await Promise.all(writes);
        return token;
      });
    } catch (error) {
      if (!(error instanceof LeaseBusyError)) throw error;
      throw tokenEndpointFailure(grant, `was still being asked by another executor after ${this.options.timeoutMs * LEASE_WAIT_PER_TOKEN_TIMEOUT} ms`);
    }
  }

  /** One token request; `onRotated` gets the refresh token the endpoint issued in place of the one sent, if any. */
  private async refresh(workspaceId: string, grant: OAuthGrant, onRotated: (refreshToken: string) => void): Promise<CachedAccessToken> {
    const refreshKey = refreshTokenKeyOf(workspaceId, grant);
    const refreshToken = grant.type === 'oauth2_refresh_token' ? (this.rotatedRefreshTokens.get(refreshKey) ?? grant.refreshToken) : undefined;
    const requestedAt = this.now();
    const response = await this.send(grant, refreshToken);
    const issued = issuedTokenOf(response, grant);
    if (grant.type === 'oauth2_refresh_token' && issued.refreshToken !== undefined && issued.refreshToken !== refreshToken) {
      this.rotatedRefreshTokens.set(refreshKey, issued.refreshToken);
      onRotated(issued.refreshToken);
    }
    // Counted from when it was asked for: the endpoint's clock started no later than that.
    return { value: issued.accessToken, usableUntilMs: requestedAt + usableForMs(issued.lifetimeMs) };
  }

  // The outbound client's failures, told as the token endpoint's: the run failed getting a token, not calling the API.
  private async send(grant: OAuthGrant, refreshToken: string | undefined): Promise<OutboundResponse> {
    try {
      return await this.outbound.send(tokenRequestOf(grant, refreshToken, this.options.timeoutMs));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      switch (error.code) {
        case ErrorCode.UpstreamTimeout:
          throw tokenEndpointFailure(grant, `at ${grant.tokenUrl.origin} did not answer within ${this.options.timeoutMs} ms`);
        case ErrorCode.UpstreamUnreachable:
          throw tokenEndpointFailure(grant, `at ${grant.tokenUrl.origin} could not be reached`);
        case ErrorCode.UpstreamResponseTooLarge:
          throw tokenEndpointFailure(grant, `answered with more than ${TOKEN_RESPONSE_MAX_BYTES / 1024} KiB, which is no token response`);
        default:
          // A refused address (403) or a bad header keeps its own code: those are about the scheme's settings.
          throw error;
      }
    }
  }
}

/** How long a token is used for: its lifetime (or the default), capped, less a margin of a tenth of it, at most 30 s. */
export function usableForMs(lifetimeMs: number | undefined): number {
  const lifetime = Math.min(lifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS, MAX_TOKEN_LIFETIME_MS);
  return lifetime - Math.min(MAX_EXPIRY_SKEW_MS, lifetime / 10);
}

// Credentials go into the key only hashed, so no cache key holds a secret; any change to them is a different key.
// The refresh token is left out: rotation replaces it with every refresh, and a token issued for the previous one
// stays good until it expires (counting it in would make every rotation throw the cached access token away).
function accessTokenKeyOf(grant: OAuthGrant): string {
  const credentials = [grant.type, grant.scopes, grant.audience, grant.clientAuth, grant.clientId, grant.clientSecret ?? null];
  return `oauth2|${grant.schemeTag}|${grant.tokenUrl.href}|${sha256(JSON.stringify(credentials))}`;
}

// The refresh token a rotation replaces belongs to the stored credentials, whatever the scopes asked for.
function refreshTokenKeyOf(workspaceId: string, grant: OAuthGrant): string {
  return sha256(JSON.stringify([workspaceId, grant.schemeTag, grant.tokenUrl.href, grant.clientId, grant.refreshToken ?? null]));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
