import { CreateAppBody, ErrorCode } from '@switchboard/contracts';
import { DomainError, validatePayload } from '@switchboard/platform';
import { rejectionOf } from '@switchboard/testing';

// The messages a client sees in a 400 for `POST /v1/apps`: the contract's rules as the catalog and gateway apply them.
const appWith = (scheme: object): object => ({ tag: 'crm', auth: [{ tag: 'oauth', ...scheme }] });
const failureOf = (scheme: object): Promise<DomainError> => rejectionOf(validatePayload(CreateAppBody, appWith(scheme)), DomainError);

describe('Auth schemes of an app', () => {
  it.each([
    { type: 'oauth2_client_credentials', token_url: 'https://auth.example.com/oauth/token' },
    { type: 'oauth2_client_credentials', token_url: 'http://127.0.0.1:8080/token', scopes: ['read', 'write:all'], audience: 'https://api.example.com', client_auth: 'basic' },
    { type: 'oauth2_refresh_token', token_url: 'https://auth.example.com/token', client_auth: 'body' },
    { type: 'api_key', in: 'query', name: 'key' },
  ])('accepts %j', async (scheme) => {
    await expect(validatePayload(CreateAppBody, appWith(scheme))).resolves.toBeInstanceOf(CreateAppBody);
  });

  it.each([
    [{ type: 'oauth2_client_credentials' }, 'auth.0.token_url is required for auth schemes of type oauth2_client_credentials and oauth2_refresh_token'],
    [{ type: 'oauth2_refresh_token', token_url: 'ftp://auth.example.com/token' }, 'auth.0.token_url must be an absolute http(s) URL without credentials'],
    [{ type: 'oauth2_refresh_token', token_url: 'https://user:pass@auth.example.com/token' }, 'auth.0.token_url must be an absolute http(s) URL without credentials'],
    [{ type: 'bearer', token_url: 'https://auth.example.com/token' }, 'auth.0.token_url is only allowed for auth schemes of type oauth2_client_credentials and oauth2_refresh_token'],
    [{ type: 'api_key', scopes: ['read'] }, 'auth.0.scopes is only allowed for auth schemes of type oauth2_client_credentials and oauth2_refresh_token'],
    [{ type: 'basic', client_auth: 'basic' }, 'auth.0.client_auth is only allowed for auth schemes of type oauth2_client_credentials and oauth2_refresh_token'],
    [{ type: 'basic', audience: 'api' }, 'auth.0.audience is only allowed for auth schemes of type oauth2_client_credentials and oauth2_refresh_token'],
    [{ type: 'oauth2_client_credentials', token_url: 'https://a.example/t', client_auth: 'jwt' }, 'auth.0.client_auth must be one of body, basic'],
    [{ type: 'oauth2_client_credentials', token_url: 'https://a.example/t', scopes: ['read write'] }, 'auth.0.scopes must hold OAuth2 scopes (1-256 characters each, no spaces, quotes or backslashes)'],
    [{ type: 'oauth2_client_credentials', token_url: 'https://a.example/t', scopes: 'read' }, 'auth.0.scopes must be an array'],
    [{ type: 'oauth2', token_url: 'https://a.example/t' }, 'auth.0.type must be one of api_key, bearer, basic, oauth2_client_credentials, oauth2_refresh_token'],
  ])('refuses %j with a clear 400', async (scheme, message) => {
    const error = await failureOf(scheme);
    expect([error.code, error.message]).toEqual([ErrorCode.ValidationFailed, message]);
  });
});
