import { loadConfig } from '@switchboard/platform';
import { chooseSecretStorageBackend } from './secret-storage-backend.js';
import { SecretStorageConfig } from './secret-storage.config.js';

describe('SecretStorageConfig', () => {
  it('defaults to embedded storage with the key file under .data/', () => {
    const config = loadConfig(SecretStorageConfig, {});
    expect(config).toMatchObject({ VAULT_KV_MOUNT: 'secret', VAULT_PATH_PREFIX: 'switchboard', SWITCHBOARD_MASTER_KEY_FILE: '.data/master.key', VAULT_REQUEST_TIMEOUT_MS: 5000 });
    expect(chooseSecretStorageBackend(config)).toBe('embedded');
  });

  it('chooses Vault when VAULT_ADDR and VAULT_TOKEN are both set', () => {
    const config = loadConfig(SecretStorageConfig, { VAULT_ADDR: 'http://vault:8200', VAULT_TOKEN: 'hvs.x', VAULT_PATH_PREFIX: 'teams/switchboard' });
    expect(chooseSecretStorageBackend(config)).toBe('vault');
  });

  it('treats empty settings as unset', () => {
    const config = loadConfig(SecretStorageConfig, { VAULT_ADDR: '', VAULT_TOKEN: '', SWITCHBOARD_MASTER_KEY: '' });
    expect(chooseSecretStorageBackend(config)).toBe('embedded');
    expect(config.SWITCHBOARD_MASTER_KEY).toBeUndefined();
  });

  it('refuses one Vault setting without the other instead of quietly storing in Postgres', () => {
    expect(() => loadConfig(SecretStorageConfig, { VAULT_ADDR: 'https://vault.internal:8200' })).toThrow(/VAULT_TOKEN: VAULT_TOKEN is required when VAULT_ADDR is set/);
    expect(() => loadConfig(SecretStorageConfig, { VAULT_TOKEN: 'hvs.x' })).toThrow(/VAULT_ADDR: VAULT_ADDR must be an http\(s\) URL/);
  });

  it('refuses a malformed master key without echoing it', () => {
    const load = (): unknown => loadConfig(SecretStorageConfig, { SWITCHBOARD_MASTER_KEY: 'too-short-to-be-a-key' });
    expect(load).toThrow(/SWITCHBOARD_MASTER_KEY: SWITCHBOARD_MASTER_KEY must be 32 bytes/);
    expect(load).not.toThrow(/too-short-to-be-a-key/);
  });

  it('refuses a mount or prefix that is not a plain path', () => {
    expect(() => loadConfig(SecretStorageConfig, { VAULT_KV_MOUNT: '/secret/', VAULT_PATH_PREFIX: 'a//b' })).toThrow(/VAULT_KV_MOUNT[\s\S]*VAULT_PATH_PREFIX/);
  });
});
