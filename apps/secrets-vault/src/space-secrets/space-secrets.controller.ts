import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ResolveIntegrationReferencesRequest,
  SetSpaceSecretRequest,
  SpaceSecretRequest,
  Subjects,
  type ResolvedIntegrationSecretsReply,
  type SpaceSecretReply,
} from '@switchboard/contracts';
import { IntegrationSecretResolver } from './integration-secret-resolver.js';
import { SpaceSecretsService } from './space-secrets.service.js';

@Controller()
export class SpaceSecretsController {
  constructor(
    private readonly spaceSecrets: SpaceSecretsService,
    private readonly integrationSecrets: IntegrationSecretResolver,
  ) {}

  @MessagePattern(Subjects.SecretsSpaceSecretGet)
  get(@Payload() request: SpaceSecretRequest): Promise<SpaceSecretReply> {
    return this.spaceSecrets.get({ workspaceId: request.workspace_id, space: request.space, owner: request.owner }, request.key);
  }

  @MessagePattern(Subjects.SecretsSpaceSecretSet)
  async set(@Payload() request: SetSpaceSecretRequest): Promise<{ status: 'success' }> {
    await this.spaceSecrets.set({ workspaceId: request.workspace_id, space: request.space, owner: request.owner }, request.key, request.value);
    return { status: 'success' };
  }

  @MessagePattern(Subjects.SecretsIntegrationReferenceResolve)
  resolveForFetch(@Payload() request: ResolveIntegrationReferencesRequest): Promise<ResolvedIntegrationSecretsReply> {
    return this.integrationSecrets.resolve(request);
  }
}
