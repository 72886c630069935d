import { OAUTH2_SCHEME_TYPES, type AuthSchemeView, type OAuth2ClientAuthMethod, type OAuth2SchemeType } from '@switchboard/contracts';
import { optionalCredential, requiredCredential, type AuthData } from '../auth-credential.js';
import type { SecretUseSite } from '../run-secrets.js';

/** An auth scheme whose credential is an access token from an OAuth2 token endpoint. */
export type OAuth2Scheme = AuthSchemeView & { type: OAuth2SchemeType };

/** Everything one token request needs: the app's scheme settings and the connection's credentials for it. */
export interface OAuthGrant {
  schemeTag: string;
  type: OAuth2SchemeType;
  tokenUrl: URL;
  scopes: readonly string[];
  audience: string | null;
  clientAuth: OAuth2ClientAuthMethod;
  clientId: string;
  /** Absent for a public client, which only the refresh-token grant allows here. */
  clientSecret: string | undefined;
  /** The refresh token the connection holds; refresh-token grant only. */
  refreshToken: string | undefined;
  /**
   * The secret the connection's refresh token is written as (`$Token{KEY}` alone), where a rotated one is stored, and
   * the run's app, access tag and env, under whose checks it is read again before a refresh.
   */
  refreshTokenSecret?: { key: string; site: SecretUseSite };
}

export function isOAuth2Scheme(scheme: AuthSchemeView): scheme is OAuth2Scheme {
  return (OAUTH2_SCHEME_TYPES as readonly string[]).includes(scheme.type);
}

/**
 * The grant a connection's auth entry describes, or a clear 400 naming the first missing field: client credentials
 * need `client_id` and `client_secret`; refresh token needs `client_id` and `refresh_token` (`client_secret` when
 * the client is confidential). Works on resolved values and, for plans, on references as written.
 */
export function oauthGrantOf(scheme: OAuth2Scheme, data: AuthData): OAuthGrant {
  const clientId = requiredCredential(data, 'client_id', scheme.tag);
  const clientSecret =
    scheme.type === 'oauth2_client_credentials' ? requiredCredential(data, 'client_secret', scheme.tag) : optionalCredential(data, 'client_secret');
  const refreshToken = scheme.type === 'oauth2_refresh_token' ? requiredCredential(data, 'refresh_token', scheme.tag) : undefined;
  if (scheme.token_url === null) {
    // The catalog refuses an OAuth2 scheme without one; reaching this means a stored scheme broke that rule.
    throw new Error(`Auth scheme '${scheme.tag}' of type ${scheme.type} has no token_url`);
  }
  return {
    schemeTag: scheme.tag,
    type: scheme.type,
    tokenUrl: new URL(scheme.token_url),
    scopes: scheme.scopes,
    audience: scheme.audience,
    clientAuth: scheme.client_auth ?? 'body',
    clientId,
    clientSecret,
    refreshToken,
  };
}
