import type { VaultForTests } from './vault-for-tests.js';
import { startVaultKv2StandIn } from './vault-kv2-stand-in.js';

// The answers below are the shapes of Vault's KV v2 API documentation; the stand-in must keep to them.
describe('The Vault KV v2 stand-in', () => {
  let vault: VaultForTests;
  const call = (method: string, path: string, body?: unknown, token: string | null = vault.token): Promise<Response> =>
    fetch(`${vault.url}${path}`, {
      method,
      headers: { ...(token === null ? {} : { 'X-Vault-Token': token }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async (response: Response): Promise<Record<string, unknown>> => (await response.json()) as Record<string, unknown>;

  beforeAll(async () => {
    vault = await startVaultKv2StandIn({ token: 'hvs.test-token' });
  });

  afterAll(async () => {
    await vault?.stop();
  });

  it('listens on 127.0.0.1 with a KV v2 engine at secret/', () => {
    expect(vault.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(vault.mount).toBe('secret');
    expect(vault.kind).toBe('stand-in');
  });

  it('answers 403 "permission denied" without a token or with a wrong one', async () => {
    for (const token of [null, 'hvs.wrong']) {
      const response = await call('GET', '/v1/secret/data/app/key', undefined, token);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ errors: ['permission denied'] });
    }
  });

  it('answers GET /v1/sys/health without a token', async () => {
    const response = await call('GET', '/v1/sys/health', undefined, null);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ initialized: true, sealed: false, standby: false });
  });

  it('creates versions on write and reads the latest or ?version=N', async () => {
    const first = await call('POST', '/v1/secret/data/app/versions', { data: { value: 'one' } });
    expect(first.status).toBe(200);
    expect((await json(first)).data).toEqual({ created_time: expect.any(String) as string, custom_metadata: null, deletion_time: '', destroyed: false, version: 1 });
    const second = await call('PUT', '/v1/secret/data/app/versions', { data: { value: 'two' } });
    expect(((await json(second)).data as Record<string, unknown>).version).toBe(2);

    const latest = await json(await call('GET', '/v1/secret/data/app/versions'));
    expect(latest.data).toEqual({ data: { value: 'two' }, metadata: expect.objectContaining({ version: 2, deletion_time: '', destroyed: false }) as unknown });
    const older = await json(await call('GET', '/v1/secret/data/app/versions?version=1'));
    expect(older.data).toMatchObject({ data: { value: 'one' }, metadata: { version: 1 } });
  });

  it('answers 404 with an empty error list for a path never written and for a version that does not exist', async () => {
    for (const path of ['/v1/secret/data/app/never', '/v1/secret/data/app/versions?version=9']) {
      const response = await call('GET', path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ errors: [] });
    }
  });

  it('refuses a write whose check-and-set version is not the current one', async () => {
    await call('POST', '/v1/secret/data/app/cas', { data: { value: 'one' } });
    const stale = await call('POST', '/v1/secret/data/app/cas', { options: { cas: 0 }, data: { value: 'two' } });
    expect(stale.status).toBe(400);
    const current = await call('POST', '/v1/secret/data/app/cas', { options: { cas: 1 }, data: { value: 'two' } });
    expect(current.status).toBe(200);
  });

  it('refuses a write without data', async () => {
    const response = await call('POST', '/v1/secret/data/app/empty', { value: 'not under data' });
    expect(response.status).toBe(400);
  });

  it('soft-deletes the latest version on DELETE data/, keeping older versions readable', async () => {
    await call('POST', '/v1/secret/data/app/soft', { data: { value: 'one' } });
    await call('POST', '/v1/secret/data/app/soft', { data: { value: 'two' } });
    expect((await call('DELETE', '/v1/secret/data/app/soft')).status).toBe(204);
    const latest = await call('GET', '/v1/secret/data/app/soft');
    expect(latest.status).toBe(404);
    expect((await json(latest)).data).toMatchObject({ data: null, metadata: { version: 2, deletion_time: expect.any(String) as string } });
    expect((await json(await call('GET', '/v1/secret/data/app/soft?version=1'))).data).toMatchObject({ data: { value: 'one' } });
  });

  it('removes every version on DELETE metadata/, and answers 204 for a path that does not exist', async () => {
    await call('POST', '/v1/secret/data/app/gone', { data: { value: 'one' } });
    expect((await json(await call('GET', '/v1/secret/metadata/app/gone'))).data).toMatchObject({ current_version: 1 });
    expect((await call('DELETE', '/v1/secret/metadata/app/gone')).status).toBe(204);
    expect((await call('GET', '/v1/secret/data/app/gone?version=1')).status).toBe(404);
    expect((await call('GET', '/v1/secret/metadata/app/gone')).status).toBe(404);
    expect((await call('DELETE', '/v1/secret/metadata/app/never')).status).toBe(204);
  });

  it('answers 404 "no handler for route" outside its mount', async () => {
    const response = await call('GET', '/v1/other/data/app/key');
    expect(response.status).toBe(404);
    expect(((await json(response)).errors as string[])[0]).toMatch(/no handler for route/);
  });

  it('records each request with the token value redacted', async () => {
    vault.requests.length = 0;
    await call('GET', '/v1/secret/data/app/recorded');
    expect(vault.requests).toEqual([
      { method: 'GET', path: '/v1/secret/data/app/recorded', headers: expect.objectContaining({ 'x-vault-token': '[redacted]' }) as unknown, tokenMatched: true },
    ]);
    expect(JSON.stringify(vault.requests)).not.toContain('hvs.test-token');
  });
});
