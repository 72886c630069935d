import { type Switchboard } from '@switchboard/sdk';
import { startFakeThirdPartyApi, startPlatform, type FakeThirdPartyApi, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, refusal, switchboardFor } from './switchboard-for.js';

// The seed 003 fetch API: fetch() through the platform with `$(secret:KEY)` substituted, against a local fake
// standing in for the third parties (the samples' https://example.com and https://my-api.com).
describe('Integration fetch (seed 003) through the SDK', () => {
  let platform: Platform;
  let thirdParty: FakeThirdPartyApi;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;

  beforeAll(async () => {
    thirdParty = await startFakeThirdPartyApi();
    thirdParty.route('GET', '/', () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<h1>Example Domain</h1>' }));
    thirdParty.route('POST', '/', (request) => ({ status: 200, body: { received: JSON.parse(request.body) as unknown } }));
    thirdParty.route('GET', '/items', () => ({ status: 200, body: [{ id: 1 }] }));
    thirdParty.route('GET', '/fail', () => ({ status: 500, body: 'upstream exploded' }));
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    credentials = await platform.createWorkspace('seed-003-fetch');
    switchboard = switchboardFor(platform, credentials);
  });

  afterAll(async () => {
    await platform?.stop();
    await thirdParty?.stop();
  });

  it('performs a request to a third-party API (seed sample 1)', async () => {
    const exampleCom = thirdParty.url; // "https://example.com" in the seed: tests cannot reach the internet
    const response = await switchboard.integrations.fetch(exampleCom);
    const result = await response.text();

    expect(result).toBe('<h1>Example Domain</h1>');
    expect([response.status, response.ok, response.headers.get('content-type')]).toEqual([200, true, 'text/html; charset=utf-8']);
    expect(thirdParty.received.at(-1)).toMatchObject({ method: 'GET', path: '/' });
  });

  it('performs a request to a third-party API using secrets (seed sample 2)', async () => {
    const myApi = thirdParty.url; // "https://my-api.com" in the seed
    const onMessage = async ({ username, password }: { username: string; password: string }): Promise<Response> => {
      // Set the username and password
      await switchboard.integrations.secrets.set('USERNAME', username);
      await switchboard.integrations.secrets.set('PASSWORD', password);
      const response = await switchboard.integrations.fetch(myApi, {
        body: {
          username: '$(secret:USERNAME)',
          password: '$(secret:PASSWORD)',
        },
      });
      return response;
    };

    const response = await onMessage({ username: 'alice', password: 'correct horse battery staple' });

    const sent = thirdParty.received.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({ username: 'alice', password: 'correct horse battery staple' });
    expect(await response.json()).toEqual({ received: { username: 'alice', password: 'correct horse battery staple' } });
  });

  it('substitutes $Token{KEY} from a workspace secret open to every app, and audits the use', async () => {
    await switchboard.secrets.create({ key: 'API_TOKEN', value: 'tok-workspace-1' });

    const response = await switchboard.integrations.fetch(`${thirdParty.url}/items?page=1`, { headers: { Authorization: 'Bearer $Token{API_TOKEN}' } });

    expect(await response.json()).toEqual([{ id: 1 }]);
    expect(thirdParty.received.at(-1)).toMatchObject({ method: 'GET', path: '/items?page=1', headers: { authorization: 'Bearer tok-workspace-1' } });
    const uses = (await switchboard.secrets.audit({ key: 'API_TOKEN' })).filter((entry) => entry.action === 'use');
    expect(uses).toEqual([expect.objectContaining({ app: 'integrations.fetch', user_id: credentials.user_id, version: 1 })]);
  });

  it("uses the caller's own secret over a workspace secret of the same key", async () => {
    await switchboard.secrets.create({ key: 'USERNAME', value: 'workspace-user' });

    await switchboard.integrations.fetch(thirdParty.url, { method: 'post', body: { username: '$(secret:USERNAME)' } });

    expect(JSON.parse(thirdParty.received.at(-1)?.body ?? '{}')).toEqual({ username: 'alice' });
  });

  it('rejects with the seed message for a missing secret, and the third party receives nothing', async () => {
    const before = thirdParty.received.length;

    const error = await refusal(switchboard.integrations.fetch(thirdParty.url, { headers: { 'X-Api-Key': '$(secret:NOT_SET)' } }));

    expect([error.status, error.code, error.message]).toEqual([404, 'secret_not_found', "Secret 'NOT_SET' not found"]);
    expect(thirdParty.received.length).toBe(before);
  });

  it('refuses a workspace secret scoped to apps, since a fetch is no app', async () => {
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: 'sk_scoped_123', scope: ['payment_app'] });
    const before = thirdParty.received.length;

    const error = await refusal(switchboard.integrations.fetch(`${thirdParty.url}/items`, { headers: { Authorization: 'Bearer $(secret:STRIPE_KEY)' } }));

    expect([error.status, error.code, error.message]).toEqual([403, 'secret_not_in_scope', "Secret 'STRIPE_KEY' is not accessible by app 'integrations.fetch'"]);
    expect(thirdParty.received.length).toBe(before);
  });

  it('refuses the cloud metadata address with 403 outbound_address_refused', async () => {
    const error = await refusal(switchboard.integrations.fetch('http://169.254.169.254/latest/meta-data/'));

    expect([error.status, error.code]).toEqual([403, 'outbound_address_refused']);
  });

  it('returns an upstream 500 as a Response with status 500, sent once', async () => {
    const before = thirdParty.received.length;

    const response = await switchboard.integrations.fetch(`${thirdParty.url}/fail`);

    expect([response.status, response.ok, await response.text()]).toEqual([500, false, 'upstream exploded']);
    expect(thirdParty.received.length).toBe(before + 1);
  });

  it('answers the REST call with the status, headers and base64 body, and validates the request', async () => {
    const ok = await gatewayRequest(platform, credentials, 'POST', '/v1/integrations/fetch', { url: `${thirdParty.url}/items` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 200, headers: { 'content-type': 'application/json' } });
    expect(Buffer.from(String(ok.body.body_base64), 'base64').toString('utf8')).toBe('[{"id":1}]');

    const relative = await gatewayRequest(platform, credentials, 'POST', '/v1/integrations/fetch', { url: 'example.com' });
    expect([relative.status, relative.body.code]).toEqual([400, 'validation_failed']);
    expect(relative.body.message).toContain('url must be an absolute http(s) URL');
    const method = await gatewayRequest(platform, credentials, 'POST', '/v1/integrations/fetch', { url: thirdParty.url, method: 'TRACE' });
    expect([method.status, method.body.message]).toEqual([400, 'method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS']);
    const bodyOnGet = await gatewayRequest(platform, credentials, 'POST', '/v1/integrations/fetch', { url: thirdParty.url, method: 'GET', body: 'x' });
    expect([bodyOnGet.status, bodyOnGet.body.message]).toEqual([400, 'body is not allowed with GET']);
  });
});
