import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { OutboundRequest } from '../outbound/outbound-request.js';
import type { RunTarget } from './run-target.js';

/** Puts each credential where its scheme says: an API key in a header or the query, a bearer token, basic auth. */
export function applyAuth(request: OutboundRequest, auth: RunTarget['auth']): void {
  for (const { scheme, data } of auth) {
    switch (scheme.type) {
      case 'api_key': {
        const key = credential(data, 'api_key', scheme.tag);
        const name = scheme.name ?? 'X-API-Key';
        if (scheme.in === 'query') request.url.searchParams.set(name, key);
        else request.headers[name] = key;
        break;
      }
      case 'bearer':
        request.headers.authorization = `Bearer ${credential(data, 'token', scheme.tag)}`;
        break;
      case 'basic': {
        const pair = `${credential(data, 'username', scheme.tag)}:${credential(data, 'password', scheme.tag)}`;
        request.headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
        break;
      }
    }
  }
}

function credential(data: Record<string, string | number | boolean>, field: string, schemeTag: string): string {
  const value = data[field];
  if (value === undefined || value === '') {
    throw new DomainError(ErrorCode.ValidationFailed, `The connection's auth '${schemeTag}' has no ${field}`, { auth_tag: schemeTag, field });
  }
  return String(value);
}
