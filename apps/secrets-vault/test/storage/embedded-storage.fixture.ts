import { runMigrations, serviceDataSourceOptions, type ServiceDatabase } from '@switchboard/platform';
import { createTestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { EmbeddedSecretValueStore } from '../../src/storage/embedded/embedded-secret-value-store.js';
import { MasterKey } from '../../src/storage/embedded/master-key.js';
import { CreateSecretValues1763900000100 } from '../../src/storage/embedded/migrations/1763900000100-create-secret-values.js';
import { SecretValueEntity } from '../../src/storage/embedded/secret-value.entity.js';

/** Only the storage table: these tests exercise the store apart from the rest of the service. */
export const storageDatabase: ServiceDatabase = { schema: 'secrets_vault', entities: [SecretValueEntity], migrations: [CreateSecretValues1763900000100] };

/** A fresh database with the secret_values table, a data source on it, and an embedded store under `masterKey`. */
export interface EmbeddedStorage {
  url: string;
  dataSource: DataSource;
  masterKey: MasterKey;
  store: EmbeddedSecretValueStore;
  cleanup(): Promise<void>;
}

/** Creates a test database, runs the storage migration the way the service does, and opens the store. */
export async function startEmbeddedStorage(masterKey: MasterKey = MasterKey.generate()): Promise<EmbeddedStorage> {
  const database = await createTestDatabase();
  const options = serviceDataSourceOptions(database.url, storageDatabase);
  await runMigrations(options);
  const dataSource = await new DataSource(options).initialize();
  return {
    url: database.url,
    dataSource,
    masterKey,
    store: new EmbeddedSecretValueStore(dataSource, masterKey),
    cleanup: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
