import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ResolveIntegrationFetchReferencesRequest,
  SetIntegrationSecretRequest,
  IntegrationSecretRequest,
  Subjects,
  type ResolvedIntegrationFetchSecretsReply,
  type IntegrationSecretReply,
} from '@switchboard/contracts';
import { IntegrationFetchSecretResolver } from './integration-fetch-secret-resolver.js';
import { IntegrationSecretsService } from './integration-secrets.service.js';

@Controller()
export class IntegrationSecretsController {
  constructor(
    private readonly integrationSecrets: IntegrationSecretsService,
    private readonly fetchSecrets: IntegrationFetchSecretResolver,
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

  @MessagePattern(Subjects.SecretsIntegrationFetchReferenceResolve)
  resolveForFetch(@Payload() request: ResolveIntegrationFetchReferencesRequest): Promise<ResolvedIntegrationFetchSecretsReply> {
    return this.fetchSecrets.resolve(request);
  }
}
