import type { ServiceDatabase } from '@switchboard/platform';

/** The secrets-vault service's own schema; its tables arrive with the capability that needs them. */
export const secretsVaultDatabase: ServiceDatabase = {
  schema: 'secrets_vault',
  entities: [],
  migrations: [],
};
