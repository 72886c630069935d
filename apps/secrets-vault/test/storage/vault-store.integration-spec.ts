import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { rejectionOf, startVaultForTests, type VaultForTests } from '@switchboard/testing';
import { SecretStorageError, SecretStorageFailure } from '../../src/storage/secret-storage.errors.js';
import { VaultKv2Client } from '../../src/storage/vault/vault-kv2-client.js';
import { VaultSecretValueStore } from '../../src/storage/vault/vault-secret-value-store.js';
import { describeSecretValueStoreContract } from './secret-value-store.contract.js';

const PREFIX = 'switchboard';

function vaultStore(vault: VaultForTests, overrides: { token?: string; address?: string; mount?: string } = {}): VaultSecretValueStore {
  const client = new VaultKv2Client({
    address: overrides.address ?? vault.url,
    token: overrides.token ?? vault.token,
    mount: overrides.mount ?? vault.mount,
    requestTimeoutMs: 5_000,
  });
  return new VaultSecretValueStore(client, PREFIX);
}

describeSecretValueStoreContract('VaultSecretValueStore on Vault KV v2', async () => {
  const vault = await startVaultForTests();
  return { store: vaultStore(vault), cleanup: () => vault.stop() };
});

describe('VaultSecretValueStore: talking to Vault', () => {
  let vault: VaultForTests;
  const address = () => ({ workspaceId: `ws_${randomUUID().slice(0, 8)}`, valueId: randomUUID() });

  beforeAll(async () => {
    vault = await startVaultForTests();
  });

  afterAll(async () => {
    await vault?.stop();
  });

  beforeEach(() => {
    vault.requests.length = 0;
  });

  it('sends the token as X-Vault-Token on every call', async () => {
    const store = vaultStore(vault);
    const target = address();
    await store.write(target, 'v');
    await store.read(target);
    await store.destroy(target);
    expect(vault.requests).toHaveLength(3);
    for (const request of vault.requests) {
      expect(request.headers['x-vault-token']).toBe('[redacted]');
      expect(request.tokenMatched).toBe(true);
    }
  });

  it('writes and reads KV v2 data at <mount>/data/<prefix>/<workspace>/<value id>, and destroys through <mount>/metadata/', async () => {
    const store = vaultStore(vault);
    const target = { workspaceId: 'ws with spaces:and:colons', valueId: randomUUID() };
    await store.write(target, 'v');
    await store.read(target);
    await store.destroy(target);
    const path = `${PREFIX}/${encodeURIComponent(target.workspaceId)}/${target.valueId}`;
    expect(vault.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /v1/${vault.mount}/data/${path}`,
      `GET /v1/${vault.mount}/data/${path}`,
      `DELETE /v1/${vault.mount}/metadata/${path}`,
    ]);
  });

  it('destroys every version of a value, not only the latest', async () => {
    const store = vaultStore(vault);
    const target = address();
    await store.write(target, 'first');
    await store.write(target, 'second');
    await expect(store.read(target)).resolves.toBe('second');
    await store.destroy(target);
    const path = `${PREFIX}/${target.workspaceId}/${target.valueId}`;
    const metadata = await fetch(`${vault.url}/v1/${vault.mount}/metadata/${path}`, { headers: { 'X-Vault-Token': vault.token } });
    expect(metadata.status).toBe(404);
    const firstVersion = await fetch(`${vault.url}/v1/${vault.mount}/data/${path}?version=1`, { headers: { 'X-Vault-Token': vault.token } });
    expect(firstVersion.status).toBe(404);
  });

  it('fails with a permission error, without the token, when the token is wrong', async () => {
    const wrongToken = `hvs.wrong-${randomUUID()}`;
    const store = vaultStore(vault, { token: wrongToken });
    for (const call of [store.write(address(), 'v'), store.read(address()), store.destroy(address())]) {
      const error = await rejectionOf(call, SecretStorageError);
      expect(error.failure).toBe(SecretStorageFailure.VaultPermissionDenied);
      expect(error.message).toMatch(/token lacks permission/);
      expect(error.message).not.toContain(wrongToken);
      expect(error.message).not.toContain(vault.token);
    }
    expect(vault.requests.every((request) => !request.tokenMatched)).toBe(true);
  });

  it('says Vault is unreachable, naming the address and not the token, when nothing listens there', async () => {
    const store = vaultStore(vault, { address: 'http://127.0.0.1:9' });
    const error = await rejectionOf(store.read(address()), SecretStorageError);
    expect(error.failure).toBe(SecretStorageFailure.VaultUnreachable);
    expect(error.message).toContain('Vault at http://127.0.0.1:9 is unreachable');
    expect(error.message).not.toContain(vault.token);
    expect(error.cause).toBeUndefined();
  });

  it('says Vault is unavailable, not failing, when it answers that it is sealed', async () => {
    const sealed = createServer((_request, response) => response.writeHead(503, { 'content-type': 'application/json' }).end('{"errors":["Vault is sealed"]}'));
    await new Promise<void>((resolve) => sealed.listen(0, '127.0.0.1', resolve));
    try {
      const store = vaultStore(vault, { address: `http://127.0.0.1:${(sealed.address() as AddressInfo).port}` });
      const error = await rejectionOf(store.read(address()), SecretStorageError);
      expect(error.failure).toBe(SecretStorageFailure.VaultUnavailable);
      expect(error.message).toContain('answered 503');
      expect(error.message).toContain('Vault is sealed');
    } finally {
      await new Promise((resolve) => sealed.close(resolve));
    }
  });

  it('reports a mount without a KV engine as a Vault failure, not as a missing value', async () => {
    const store = vaultStore(vault, { mount: 'no-such-mount' });
    const error = await rejectionOf(store.read(address()), SecretStorageError);
    expect(error.failure).toBe(SecretStorageFailure.VaultFailed);
    expect(error.message).toContain('no-such-mount');
  });
});
