import type { ServiceDatabase } from '@switchboard/platform';
import { SecretAuditEntity } from '../audit/secret-audit.entity.js';
import { IntegrationSecretEntity } from '../integration-secrets/integration-secret.entity.js';
import { SecretVersionEntity } from '../secrets/secret-version.entity.js';
import { SecretEntity } from '../secrets/secret.entity.js';
import { WebhookForwardingSecretEntity } from '../webhook-forwarding-secrets/webhook-forwarding-secret.entity.js';
import { CreateSecretValues1763900000100 } from '../storage/embedded/migrations/1763900000100-create-secret-values.js';
import { SecretValueEntity } from '../storage/embedded/secret-value.entity.js';
import { CreateSecrets1763900000000 } from './migrations/1763900000000-create-secrets.js';
import { RenameIntegrationSecrets1765500000000 } from './migrations/1765500000000-rename-integration-secrets.js';
import { AscendingAuditListIndex1765600000000 } from './migrations/1765600000000-ascending-audit-list-index.js';
import { SecretLastUsed1766000000000 } from './migrations/1766000000000-secret-last-used.js';
import { CreateWebhookForwardingSecrets1796200000000 } from './migrations/1796200000000-create-webhook-forwarding-secrets.js';
import { WebhookForwardingSecretRotation1796400000000 } from './migrations/1796400000000-webhook-forwarding-secret-rotation.js';

/** The secrets-vault's own schema: secret metadata, versions, audit, user and network secrets, webhook forwarding secrets, and (embedded store) encrypted values. */
export const secretsVaultDatabase: ServiceDatabase = {
  schema: 'secrets_vault',
  entities: [SecretEntity, SecretVersionEntity, SecretAuditEntity, IntegrationSecretEntity, SecretValueEntity, WebhookForwardingSecretEntity],
  migrations: [
    CreateSecrets1763900000000,
    CreateSecretValues1763900000100,
    RenameIntegrationSecrets1765500000000,
    AscendingAuditListIndex1765600000000,
    SecretLastUsed1766000000000,
    CreateWebhookForwardingSecrets1796200000000,
    WebhookForwardingSecretRotation1796400000000,
  ],
};
