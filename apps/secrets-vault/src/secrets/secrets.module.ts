import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretAuditEntity } from '../audit/secret-audit.entity.js';
import { SecretAuditLog } from '../audit/secret-audit.log.js';
import { IntegrationFetchSecretResolver } from '../integration-secrets/integration-fetch-secret-resolver.js';
import { IntegrationSecretEntity } from '../integration-secrets/integration-secret.entity.js';
import { IntegrationSecretsController } from '../integration-secrets/integration-secrets.controller.js';
import { IntegrationSecretsService } from '../integration-secrets/integration-secrets.service.js';
import { SecretStorageModule } from '../storage/secret-storage.module.js';
import { WebhookForwardingSecretEntity } from '../webhook-forwarding-secrets/webhook-forwarding-secret.entity.js';
import { WebhookForwardingSecretsController } from '../webhook-forwarding-secrets/webhook-forwarding-secrets.controller.js';
import { WebhookForwardingSecretsService } from '../webhook-forwarding-secrets/webhook-forwarding-secrets.service.js';
import { EnvSlugs } from './env-slugs.js';
import { SecretResolver } from './secret-resolver.js';
import { SecretVersionEntity } from './secret-version.entity.js';
import { SecretEntity } from './secret.entity.js';
import { SecretsController } from './secrets.controller.js';
import { SecretsService } from './secrets.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SecretEntity, SecretVersionEntity, SecretAuditEntity, IntegrationSecretEntity, WebhookForwardingSecretEntity]), SecretStorageModule],
  controllers: [SecretsController, IntegrationSecretsController, WebhookForwardingSecretsController],
  providers: [SecretsService, SecretResolver, SecretAuditLog, EnvSlugs, IntegrationSecretsService, IntegrationFetchSecretResolver, WebhookForwardingSecretsService],
})
export class SecretsModule {}
