import type { OutboundRequest } from '../outbound/outbound-request.js';
import { requiredCredential } from './auth-credential.js';
import type { RunTarget } from './run-target.js';

/**
 * Puts each credential where its scheme says: an API key in a header or the query, a bearer token, basic auth, or
 * the access token an OAuth2 scheme obtained (`accessTokens`, by scheme tag) as a bearer token.
 */
export function applyAuth(request: OutboundRequest, auth: RunTarget['auth'], accessTokens: ReadonlyMap<string, string> = new Map()): void {
  for (const { scheme, data } of auth) {
    switch (scheme.type) {
      case 'api_key': {
        const key = requiredCredential(data, 'api_key', scheme.tag);
        const name = scheme.name ?? 'X-API-Key';
        if (scheme.in === 'query') request.url.searchParams.set(name, key);
        else setHeader(request, name, key);
        break;
      }
      case 'bearer':
        setHeader(request, 'authorization', `Bearer ${requiredCredential(data, 'token', scheme.tag)}`);
        break;
      case 'basic': {
        const pair = `${requiredCredential(data, 'username', scheme.tag)}:${requiredCredential(data, 'password', scheme.tag)}`;
        setHeader(request, 'authorization', `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`);
        break;
      }
      case 'oauth2_client_credentials':
      case 'oauth2_refresh_token': {
        const token = accessTokens.get(scheme.tag);
        // The runner obtains every OAuth2 token before applying auth; a missing one is a bug, not bad input.
        if (token === undefined) throw new Error(`No access token was obtained for auth '${scheme.tag}'`);
        setHeader(request, 'authorization', `Bearer ${token}`);
        break;
      }
    }
  }
}

// Header names are case-insensitive: the connection's credential replaces the caller's header of that name in any
// case, instead of going out beside it (an upstream taking the first of two Authorization headers would see the caller's).
function setHeader(request: OutboundRequest, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const existing of Object.keys(request.headers)) if (existing.toLowerCase() === lower) delete request.headers[existing];
  request.headers[name] = value;
}
