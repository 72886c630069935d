import 'reflect-metadata';
import { QueueGroups, Subjects } from '@switchboard/contracts';
import { startMicroservice } from '@switchboard/platform';
import { secretsVaultDatabase } from './database/secrets-vault.database.js';
import { SecretsModule } from './secrets/secrets.module.js';
import { SecretStorageConfig } from './storage/secret-storage.config.js';

await startMicroservice({
  service: 'secrets-vault',
  queue: QueueGroups.SecretsVault,
  healthSubject: Subjects.SecretsHealthCheck,
  database: secretsVaultDatabase,
  configs: [SecretStorageConfig],
  features: [SecretsModule],
});
