import { ErrorCode, type AuthSchemeView } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { planAuth } from './auth-plan.js';

const oauth = (overrides: Partial<AuthSchemeView> = {}): AuthSchemeView => ({
  tag: 'oauth',
  type: 'oauth2_client_credentials',
  in: 'header',
  name: null,
  token_url: 'https://auth.example.com/oauth/token',
  scopes: [],
  audience: null,
  client_auth: 'body',
  ...overrides,
});

describe('planAuth', () => {
  it('describes the OAuth2 step with references unresolved, naming the token endpoint it would call', () => {
    const planned = planAuth(oauth({ scopes: ['read', 'write'] }), { client_id: '$Token{OAUTH_CLIENT_ID}', client_secret: '$Token{OAUTH_CLIENT_SECRET}' });
    expect(planned.description).toBe(
      'OAuth2 client credentials: an access token from https://auth.example.com/oauth/token (client_id and client_secret in the form body, scope read write), cached until it expires, sent as Authorization: Bearer; not requested while planning',
    );
    expect(planned.grant?.tokenUrl.href).toBe('https://auth.example.com/oauth/token');
  });

  it('describes a public refresh-token client and basic client auth', () => {
    const publicClient = planAuth(oauth({ type: 'oauth2_refresh_token' }), { client_id: 'app', refresh_token: '$Token{REFRESH}' });
    expect(publicClient.description).toMatch(/^OAuth2 refresh token: .*\(client_id in the form body\)/);
    const basic = planAuth(oauth({ client_auth: 'basic', audience: 'api' }), { client_id: 'a', client_secret: 'b' });
    expect(basic.description).toContain('(client_id and client_secret as HTTP basic auth, audience api)');
  });

  it.each([
    [oauth(), { client_id: '$Token{ID}' }, "The connection's auth 'oauth' has no client_secret"],
    [oauth(), { client_secret: '$Token{SECRET}' }, "The connection's auth 'oauth' has no client_id"],
    [oauth({ type: 'oauth2_refresh_token' }), { client_id: 'app', client_secret: 's' }, "The connection's auth 'oauth' has no refresh_token"],
    [oauth({ type: 'basic', token_url: null, client_auth: null }), { username: 'svc' }, "The connection's auth 'oauth' has no password"],
  ])('fails like the run would when a credential is missing (%#)', (scheme, data, message) => {
    const error = thrownBy(() => planAuth(scheme, data), DomainError);
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, message]);
  });

  it('describes the static schemes', () => {
    expect(planAuth(oauth({ type: 'api_key', in: 'query', name: 'key', token_url: null }), { api_key: '$Token{K}' }).description).toBe('API key in the query parameter key');
    expect(planAuth(oauth({ type: 'bearer', token_url: null }), { token: '$Token{T}' })).toEqual({ description: 'token sent as Authorization: Bearer' });
  });
});
