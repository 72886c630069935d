import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ResolveIntegrationReferencesRequest,
  SetIntegrationSecretRequest,
  IntegrationSecretRequest,
  Subjects,
  type ResolvedIntegrationSecretsReply,
  type IntegrationSecretReply,
} from '@switchboard/contracts';
import { IntegrationSecretResolver } from './integration-secret-resolver.js';
import { IntegrationSecretsService } from './integration-secrets.service.js';

@Controller()
export class IntegrationSecretsController {
  constructor(
    private readonly integrationSecrets: IntegrationSecretsService,
    private readonly fetchSecrets: IntegrationSecretResolver,
  ) {}

  @MessagePattern(Subjects.SecretsIntegrationSecretGet)
  get(@Payload() request: IntegrationSecretRequest): Promise<IntegrationSecretReply> {
    return this.integrationSecrets.get({ workspaceId: request.workspace_id, ownerType: request.owner_type, owner: request.owner }, request.key);
  }

  @MessagePattern(Subjects.SecretsIntegrationSecretSet)
  async set(@Payload() request: SetIntegrationSecretRequest): Promise<{ status: 'success' }> {
    await this.integrationSecrets.set({ workspaceId: request.workspace_id, ownerType: request.owner_type, owner: request.owner }, request.key, request.value);
    return { status: 'success' };
  }

  @MessagePattern(Subjects.SecretsIntegrationReferenceResolve)
  resolveForFetch(@Payload() request: ResolveIntegrationReferencesRequest): Promise<ResolvedIntegrationSecretsReply> {
    return this.fetchSecrets.resolve(request);
  }
}
