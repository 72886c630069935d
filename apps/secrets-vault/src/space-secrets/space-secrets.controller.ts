import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SetSpaceSecretRequest, SpaceSecretRequest, Subjects, type SpaceSecretReply } from '@switchboard/contracts';
import { SpaceSecretsService } from './space-secrets.service.js';

@Controller()
export class SpaceSecretsController {
  constructor(private readonly spaceSecrets: SpaceSecretsService) {}

  @MessagePattern(Subjects.SecretsSpaceSecretGet)
  get(@Payload() request: SpaceSecretRequest): Promise<SpaceSecretReply> {
    return this.spaceSecrets.get({ workspaceId: request.workspace_id, space: request.space, owner: request.owner }, request.key);
  }

  @MessagePattern(Subjects.SecretsSpaceSecretSet)
  async set(@Payload() request: SetSpaceSecretRequest): Promise<{ status: 'success' }> {
    await this.spaceSecrets.set({ workspaceId: request.workspace_id, space: request.space, owner: request.owner }, request.key, request.value);
    return { status: 'success' };
  }
}
