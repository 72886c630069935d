import type { OutboundResponse } from '../../outbound/outbound-request.js';
import type { OAuthGrant } from './oauth-grant.js';
import { mentionsCredential, oauthErrorCodeOf, tokenEndpointFailure } from './token-endpoint-failure.js';

/** An access token as the endpoint issued it. */
export interface IssuedToken {
  accessToken: string;
  /** From `expires_in`; undefined when the endpoint did not say (or said something unusable). */
  lifetimeMs: number | undefined;
  /** A new refresh token, when the endpoint rotates them. */
  refreshToken: string | undefined;
}

// The token goes into an Authorization header: visible ASCII only, so it can neither break nor smuggle a header.
const HEADER_SAFE_TOKEN = /^[\x21-\x7E]{1,16384}$/;

/**
 * Reads a token endpoint's answer (RFC 6749 §5.1 and §5.2). Anything but a 2xx JSON object with a bearer
 * `access_token` is an `upstream_auth_failed` that names the scheme and, when the body has one, the OAuth2 error code.
 */
export function issuedTokenOf(response: OutboundResponse, grant: OAuthGrant): IssuedToken {
  const payload = parseJson(response.body);
  const oauthError = oauthErrorCodeOf(payload, grant);
  // A 5xx is the endpoint's own trouble; anything else it answers without a token is a refusal of these credentials.
  const refused = (status: number): string => {
    const verb = status >= 500 ? 'failed' : 'refused the request';
    return oauthError === undefined ? `${verb} with HTTP ${status}` : `${verb}: ${oauthError} (HTTP ${status})`;
  };
  if (response.status < 200 || response.status > 299) {
    throw tokenEndpointFailure(grant, refused(response.status), { status: response.status, oauthError });
  }
  if (payload === NOT_JSON) throw tokenEndpointFailure(grant, 'answered with a body that is not JSON', { status: response.status });
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw tokenEndpointFailure(grant, 'answered with JSON that is not an object', { status: response.status });
  }
  const fields = payload as Record<string, unknown>;
  const accessToken = fields.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') {
    // Some endpoints answer 200 with an error body.
    if (oauthError !== undefined) throw tokenEndpointFailure(grant, refused(response.status), { status: response.status, oauthError });
    throw tokenEndpointFailure(grant, 'answered without an access_token', { status: response.status });
  }
  if (!HEADER_SAFE_TOKEN.test(accessToken)) {
    throw tokenEndpointFailure(grant, 'answered with an access_token that cannot be sent in a header', { status: response.status });
  }
  const tokenType = fields.token_type;
  if (typeof tokenType === 'string' && tokenType.toLowerCase() !== 'bearer') {
    const shown = /^[A-Za-z0-9_.-]{1,32}$/.test(tokenType) && !mentionsCredential(tokenType, grant) ? ` '${tokenType}'` : '';
    throw tokenEndpointFailure(grant, `issued a token of type${shown} other than bearer, which this scheme cannot send`, { status: response.status });
  }
  const refreshToken = fields.refresh_token;
  return {
    accessToken,
    lifetimeMs: lifetimeMsOf(fields.expires_in),
    refreshToken: typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : undefined,
  };
}

const NOT_JSON = Symbol('not JSON');

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
  } catch {
    // Reported by the caller: as such after a 2xx, by status after a failure (an HTML error page, typically).
    return NOT_JSON;
  }
}

// RFC 6749 says a number of seconds; some endpoints send it as a string.
function lifetimeMsOf(expiresIn: unknown): number | undefined {
  const seconds = typeof expiresIn === 'string' && /^\d{1,10}$/.test(expiresIn) ? Number(expiresIn) : expiresIn;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return seconds * 1000;
}
