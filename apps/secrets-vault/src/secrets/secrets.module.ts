import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretAuditEntity } from '../audit/secret-audit.entity.js';
import { SecretAuditLog } from '../audit/secret-audit.log.js';
import { IntegrationSecretResolver } from '../space-secrets/integration-secret-resolver.js';
import { SpaceSecretEntity } from '../space-secrets/space-secret.entity.js';
import { SpaceSecretsController } from '../space-secrets/space-secrets.controller.js';
import { SpaceSecretsService } from '../space-secrets/space-secrets.service.js';
import { SecretStorageModule } from '../storage/secret-storage.module.js';
import { EnvSlugs } from './env-slugs.js';
import { SecretResolver } from './secret-resolver.js';
import { SecretVersionEntity } from './secret-version.entity.js';
import { SecretEntity } from './secret.entity.js';
import { SecretsController } from './secrets.controller.js';
import { SecretsService } from './secrets.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SecretEntity, SecretVersionEntity, SecretAuditEntity, SpaceSecretEntity]), SecretStorageModule.forRoot()],
  controllers: [SecretsController, SpaceSecretsController],
  providers: [SecretsService, SecretResolver, SecretAuditLog, EnvSlugs, SpaceSecretsService, IntegrationSecretResolver],
})
export class SecretsModule {}
