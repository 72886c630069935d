import type { SecretStorageConfig } from './secret-storage.config.js';
import type { SecretStorageBackend } from './secret-value-store.js';

/** Vault when both VAULT_ADDR and VAULT_TOKEN are set (the config refuses one without the other), else embedded. */
export function chooseSecretStorageBackend(config: SecretStorageConfig): SecretStorageBackend {
  return config.VAULT_ADDR !== undefined && config.VAULT_TOKEN !== undefined ? 'vault' : 'embedded';
}
