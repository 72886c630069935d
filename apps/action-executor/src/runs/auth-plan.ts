import type { AuthSchemeView } from '@switchboard/contracts';
import { requiredCredential, type AuthData } from './auth-credential.js';
import { oauthGrantOf, type OAuthGrant } from './oauth/oauth-grant.js';

/** How a plan says one auth entry would be applied; `grant` when it would first need an OAuth2 access token. */
export interface PlannedAuth {
  description: string;
  grant?: OAuthGrant;
}

/**
 * What one auth entry would put on the request, checking only that its credentials are there (as references or
 * values, unresolved). An OAuth2 scheme is described, not exercised: planning never calls a token endpoint.
 */
export function planAuth(scheme: AuthSchemeView, data: AuthData): PlannedAuth {
  switch (scheme.type) {
    case 'api_key':
      requiredCredential(data, 'api_key', scheme.tag);
      return { description: `API key in the ${scheme.in === 'query' ? 'query parameter' : 'header'} ${scheme.name ?? 'X-API-Key'}` };
    case 'bearer':
      requiredCredential(data, 'token', scheme.tag);
      return { description: 'token sent as Authorization: Bearer' };
    case 'basic':
      requiredCredential(data, 'username', scheme.tag);
      requiredCredential(data, 'password', scheme.tag);
      return { description: 'username and password sent as Authorization: Basic' };
    case 'oauth2_client_credentials':
    case 'oauth2_refresh_token':
      return planOAuth2(oauthGrantOf({ ...scheme, type: scheme.type }, data));
  }
}

function planOAuth2(grant: OAuthGrant): PlannedAuth {
  const flow = grant.type === 'oauth2_client_credentials' ? 'OAuth2 client credentials' : 'OAuth2 refresh token';
  const client =
    grant.clientSecret === undefined
      ? 'client_id in the form body'
      : grant.clientAuth === 'basic'
        ? 'client_id and client_secret as HTTP basic auth'
        : 'client_id and client_secret in the form body';
  const scopes = grant.scopes.length > 0 ? `, scope ${grant.scopes.join(' ')}` : '';
  const audience = grant.audience !== null ? `, audience ${grant.audience}` : '';
  return {
    grant,
    description: `${flow}: an access token from ${grant.tokenUrl.href} (${client}${scopes}${audience}), cached until it expires, sent as Authorization: Bearer; not requested while planning`,
  };
}
