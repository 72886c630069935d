import { Logger, Module } from '@nestjs/common';
import { ReadinessChecks } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { EmbeddedSecretValueStore } from './embedded/embedded-secret-value-store.js';
import { loadMasterKey } from './embedded/master-key-loader.js';
import { chooseSecretStorageBackend } from './secret-storage-backend.js';
import { SecretStorageConfig } from './secret-storage.config.js';
import { SECRET_VALUE_STORE, type SecretValueStore } from './secret-value-store.js';
import { answeringOutages } from './storage-outages.js';
import { VaultKv2Client } from './vault/vault-kv2-client.js';
import { VaultSecretValueStore } from './vault/vault-secret-value-store.js';

/**
 * Provides {@link SECRET_VALUE_STORE}: Vault KV v2 when VAULT_ADDR and VAULT_TOKEN are set (then the service is ready
 * only while Vault answers, and a request that meets Vault down is answered `503 secret_storage_unavailable`), else
 * the embedded store, which needs the service's TypeORM DataSource with
 * SecretValueEntity registered. It injects the validated {@link SecretStorageConfig} (see ConfigModule) and the
 * service's ReadinessChecks.
 */
@Module({
  providers: [
    {
      provide: SECRET_VALUE_STORE,
      inject: [SecretStorageConfig, DataSource, ReadinessChecks],
      useFactory: (config: SecretStorageConfig, dataSource: DataSource, readiness: ReadinessChecks): Promise<SecretValueStore> =>
        chooseSecretStorageBackend(config) === 'vault' ? Promise.resolve(vaultStore(config, readiness)) : embeddedStore(config, dataSource),
    },
  ],
  exports: [SECRET_VALUE_STORE],
})
export class SecretStorageModule {}

const logger = new Logger('SecretStorage');

function vaultStore(config: SecretStorageConfig, readiness: ReadinessChecks): SecretValueStore {
  const client = new VaultKv2Client({
    address: config.VAULT_ADDR ?? '',
    token: config.VAULT_TOKEN ?? '',
    mount: config.VAULT_KV_MOUNT,
    requestTimeoutMs: config.VAULT_REQUEST_TIMEOUT_MS,
  });
  readiness.register('vault', () => client.health());
  logger.log(`Secret values are stored in Vault at ${config.VAULT_ADDR} (KV v2 mount "${config.VAULT_KV_MOUNT}", path prefix "${config.VAULT_PATH_PREFIX}")`);
  return answeringOutages(new VaultSecretValueStore(client, config.VAULT_PATH_PREFIX), logger);
}

async function embeddedStore(config: SecretStorageConfig, dataSource: DataSource): Promise<SecretValueStore> {
  const { key } = await loadMasterKey(config, { logger, createIfMissing: true });
  const store = new EmbeddedSecretValueStore(dataSource, key);
  logger.log(`Secret values are stored in Postgres, envelope-encrypted under master key ${key.id}`);
  // A lost or swapped key file would otherwise show up only as failed reads, one secret at a time.
  for (const other of await store.countValuesUnderOtherKeys()) {
    logger.error(`${other.values} stored secret values are wrapped under master key ${other.masterKeyId}, not the loaded ${key.id}: they cannot be read with this key`);
  }
  return store;
}
