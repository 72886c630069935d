import { Injectable } from '@nestjs/common';
import { findReferences } from '@switchboard/placeholders';
import type { OutboundRequest } from '../outbound/outbound-request.js';
import type { AuthData } from './auth-credential.js';
import { applyAuth } from './auth-application.js';
import { isOAuth2Scheme, oauthGrantOf, type OAuthGrant } from './oauth/oauth-grant.js';
import { OAuthTokenProvider } from './oauth/oauth-token-provider.js';
import type { SecretUseSite } from './run-secrets.js';
import type { RunTarget } from './run-target.js';

/** What authenticating one request used, so that a 401 can be answered by dropping stale tokens and trying again. */
export interface AppliedAuth {
  /** Some OAuth2 access token on the request came from the cache and may have been revoked or expired early. */
  readonly usedCachedToken: boolean;
  /** Drops those cached tokens, so the next request obtains fresh ones. */
  forgetCachedTokens(): void;
}

/** Authenticates a run's request with its connection's credentials, obtaining OAuth2 access tokens first. */
@Injectable()
export class RunAuthentication {
  constructor(private readonly tokens: OAuthTokenProvider) {}

  /**
   * `auth` holds substituted credentials; `written`, when given, the same credentials as the connection writes them
   * (references unresolved), which says where a rotated refresh token is to be stored, and `site` the run's app,
   * access tag and env, under which it is read again.
   */
  async apply(workspaceId: string, request: OutboundRequest, auth: RunTarget['auth'], written: readonly AuthData[] = [], site?: SecretUseSite): Promise<AppliedAuth> {
    const grants = auth.flatMap(({ scheme, data }, index) => {
      if (!isOAuth2Scheme(scheme)) return [];
      const key = soleSecretReferenceKey(written[index]?.refresh_token);
      return [{ ...oauthGrantOf(scheme, data), ...(key === undefined || site === undefined ? {} : { refreshTokenSecret: { key, site } }) }];
    });
    const obtained = await Promise.all(grants.map(async (grant) => ({ grant, token: await this.tokens.accessToken(workspaceId, grant) })));
    applyAuth(request, auth, new Map(obtained.map(({ grant, token }) => [grant.schemeTag, token.value])));
    const cached: { grant: OAuthGrant; value: string }[] = obtained.filter(({ token }) => token.fromCache).map(({ grant, token }) => ({ grant, value: token.value }));
    return {
      usedCachedToken: cached.length > 0,
      forgetCachedTokens: () => {
        for (const { grant, value } of cached) this.tokens.forget(workspaceId, grant, value);
      },
    };
  }
}

/** The key of the secret a credential is written as, when it is exactly one reference (`$Token{KEY}` and nothing else). */
function soleSecretReferenceKey(written: unknown): string | undefined {
  if (typeof written !== 'string') return undefined;
  const references = findReferences(written);
  const [only] = references;
  return references.length === 1 && only.start === 0 && only.end === written.length ? only.key : undefined;
}
