import type { AuthSchemeView } from '@switchboard/contracts';
import type { OutboundRequest } from '../outbound/outbound-request.js';
import { applyAuth } from './auth-application.js';

const scheme = (type: AuthSchemeView['type'], extra: Partial<AuthSchemeView> = {}): AuthSchemeView => ({
  tag: type,
  type,
  in: 'header',
  name: null,
  token_url: null,
  scopes: [],
  audience: null,
  client_auth: null,
  ...extra,
});
const requestWith = (headers: Record<string, string>): OutboundRequest => ({ method: 'GET', url: new URL('https://api.example.com/x'), headers });

describe('applyAuth', () => {
  it.each(['Authorization', 'AUTHORIZATION', 'authorization'])('replaces a caller’s %s header with the connection’s credential', (name) => {
    const request = requestWith({ [name]: 'Bearer from-the-caller', Accept: 'application/json' });
    applyAuth(request, [{ scheme: scheme('bearer'), data: { token: 'from-the-connection' } }]);
    expect(request.headers).toEqual({ authorization: 'Bearer from-the-connection', Accept: 'application/json' });
  });

  it('replaces an API key header of the scheme’s name in any case', () => {
    const request = requestWith({ 'x-stripe-key': 'caller' });
    applyAuth(request, [{ scheme: scheme('api_key', { in: 'header', name: 'X-Stripe-Key' }), data: { api_key: 'connection' } }]);
    expect(request.headers).toEqual({ 'X-Stripe-Key': 'connection' });
  });
});
