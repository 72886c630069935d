import type { OutboundRequest } from '../../outbound/outbound-request.js';
import type { OAuthGrant } from './oauth-grant.js';

/** Token responses are a few hundred bytes; anything near this is not a token response. */
export const TOKEN_RESPONSE_MAX_BYTES = 64 * 1024;

/**
 * The RFC 6749 token request for a grant (§4.4 client credentials, §6 refresh): a form-encoded POST. The client
 * authenticates with HTTP basic (§2.3.1, each part form-encoded first) when the scheme says so and it has a secret,
 * otherwise with `client_id` (and `client_secret`) in the body, which is also how a public client identifies itself.
 */
export function tokenRequestOf(grant: OAuthGrant, refreshToken: string | undefined, timeoutMs: number): OutboundRequest {
  const form = new URLSearchParams();
  if (grant.type === 'oauth2_refresh_token') {
    form.set('grant_type', 'refresh_token');
    form.set('refresh_token', refreshToken ?? '');
  } else {
    form.set('grant_type', 'client_credentials');
  }
  if (grant.scopes.length > 0) form.set('scope', grant.scopes.join(' '));
  if (grant.audience !== null) form.set('audience', grant.audience);

  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (grant.clientAuth === 'basic' && grant.clientSecret !== undefined) {
    const pair = `${formEncoded(grant.clientId)}:${formEncoded(grant.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  } else {
    form.set('client_id', grant.clientId);
    if (grant.clientSecret !== undefined) form.set('client_secret', grant.clientSecret);
  }
  return {
    method: 'POST',
    url: grant.tokenUrl,
    headers,
    body: form.toString(),
    timeouts: { headersMs: timeoutMs, bodyMs: timeoutMs },
    // Sent once: a refresh with a rotating refresh token must not be repeated, and a failure is reported, not hidden.
    maxAttempts: 1,
    maxResponseBytes: TOKEN_RESPONSE_MAX_BYTES,
  };
}

function formEncoded(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}
