import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { OAuthGrant } from './oauth-grant.js';

/** What went wrong at the token endpoint, beyond the sentence: the HTTP status and the OAuth2 `error` code, if any. */
export interface TokenEndpointFacts {
  status?: number;
  oauthError?: string;
}

/**
 * `upstream_auth_failed` for a grant's scheme. The message names the scheme and what the endpoint said, never a
 * credential: nothing from the request goes in, and an upstream string goes in only through {@link oauthErrorCodeOf}.
 */
export function tokenEndpointFailure(grant: OAuthGrant, what: string, facts: TokenEndpointFacts = {}): DomainError {
  return new DomainError(ErrorCode.UpstreamAuthFailed, `The token endpoint of auth '${grant.schemeTag}' ${what}`, {
    auth_tag: grant.schemeTag,
    token_endpoint: grant.tokenUrl.origin,
    ...(facts.status === undefined ? {} : { status: facts.status }),
    ...(facts.oauthError === undefined ? {} : { oauth_error: facts.oauthError }),
  });
}

// RFC 6749 §5.2: the error code is printable ASCII without `"` and `\`. Registered codes are short.
const OAUTH_ERROR_CODE = /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,64}$/;

/**
 * The `error` of an OAuth2 error body when it is safe to repeat: a well-formed code that holds none of the grant's
 * credentials (an endpoint echoing the client id or secret back must not make us echo it further). `error_description`
 * is free text from the upstream and is never repeated.
 */
export function oauthErrorCodeOf(payload: unknown, grant: OAuthGrant): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const error = (payload as { error?: unknown }).error;
  if (typeof error !== 'string' || !OAUTH_ERROR_CODE.test(error)) return undefined;
  return mentionsCredential(error, grant) ? undefined : error;
}

/** Whether an upstream string contains one of the grant's credentials, and so must not be repeated. */
export function mentionsCredential(text: string, grant: OAuthGrant): boolean {
  return [grant.clientId, grant.clientSecret, grant.refreshToken].some((credential) => credential !== undefined && credential !== '' && text.includes(credential));
}
