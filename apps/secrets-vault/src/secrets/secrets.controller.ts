import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSecretRequest,
  ListSecretAuditRequest,
  ListSecretsRequest,
  RecordSecretUsesRequest,
  ResolveSecretReferencesRequest,
  RotateSecretRequest,
  SecretKeyRequest,
  Subjects,
  UpdateSecretRequest,
  type ResolvedSecretsReply,
  type SecretReferenceChecksReply,
  type SecretAuditEntryView,
  type SecretView,
  type SecretWithValueView,
} from '@switchboard/contracts';
import { SecretAuditLog } from '../audit/secret-audit.log.js';
import { SecretResolver } from './secret-resolver.js';
import { SecretsService } from './secrets.service.js';

@Controller()
export class SecretsController {
  constructor(
    private readonly secrets: SecretsService,
    private readonly resolver: SecretResolver,
    private readonly audit: SecretAuditLog,
  ) {}

  @MessagePattern(Subjects.SecretsSecretCreate)
  create(@Payload() request: CreateSecretRequest): Promise<SecretView> {
    return this.secrets.create(request.workspace_id, request.user_id, request.secret);
  }

  @MessagePattern(Subjects.SecretsSecretFetch)
  fetch(@Payload() request: SecretKeyRequest): Promise<SecretWithValueView> {
    return this.secrets.fetch(request.workspace_id, request.user_id, request.key);
  }

  @MessagePattern(Subjects.SecretsSecretList)
  list(@Payload() request: ListSecretsRequest): Promise<SecretView[]> {
    return this.secrets.list(request.workspace_id);
  }

  @MessagePattern(Subjects.SecretsSecretUpdate)
  update(@Payload() request: UpdateSecretRequest): Promise<SecretView> {
    return this.secrets.update(request.workspace_id, request.user_id, request.key, request.changes);
  }

  @MessagePattern(Subjects.SecretsSecretRotate)
  rotate(@Payload() request: RotateSecretRequest): Promise<SecretView> {
    return this.secrets.rotate(request.workspace_id, request.user_id, request.key, request.rotation.value);
  }

  @MessagePattern(Subjects.SecretsSecretDelete)
  delete(@Payload() request: SecretKeyRequest): Promise<SecretView> {
    return this.secrets.delete(request.workspace_id, request.user_id, request.key);
  }

  @EventPattern(Subjects.SecretsSecretUseRecord)
  recordCachedUses(@Payload() request: RecordSecretUsesRequest): Promise<void> {
    return this.resolver.recordCachedUses(request);
  }

  @MessagePattern(Subjects.SecretsReferenceCheck)
  check(@Payload() request: ResolveSecretReferencesRequest): Promise<SecretReferenceChecksReply> {
    return this.resolver.check(request);
  }

  @MessagePattern(Subjects.SecretsReferenceResolve)
  resolve(@Payload() request: ResolveSecretReferencesRequest): Promise<ResolvedSecretsReply> {
    return this.resolver.resolve(request);
  }

  @MessagePattern(Subjects.SecretsAuditList)
  auditTrail(@Payload() request: ListSecretAuditRequest): Promise<SecretAuditEntryView[]> {
    return this.audit.list(request.workspace_id, request.query.key, request.query.limit);
  }
}
