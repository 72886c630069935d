import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Role, SetIntegrationSecretBody, Subjects, type IntegrationSecretOwnerType, type IntegrationSecretReply } from '@switchboard/contracts';
import { DomainError, NatsRequester } from '@switchboard/platform';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';
import { SecretKeyParamPipe } from '../http/secret-key-param.pipe.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';
import { Needs } from '../auth/needs-role.decorator.js';

/** The caller's own secrets and a named network's secrets, behind `integrations.secrets.get/has/set`. */
@ApiTags('integrations')
@Needs(Role.Developer)
@Controller('v1/integrations')
export class IntegrationSecretsController {
  constructor(private readonly nats: NatsRequester) {}

  @Get('secrets/:key')
  @ApiOperation({ summary: "Read one of the caller's own secrets (404 when absent)" })
  getOwn(@CallerOf() caller: Caller, @Param('key', SecretKeyParamPipe) key: string): Promise<{ key: string; value: string }> {
    return this.get(caller, 'user', caller.userId, key);
  }

  @Put('secrets/:key')
  @ApiOperation({ summary: "Set one of the caller's own secrets" })
  setOwn(@CallerOf() caller: Caller, @Param('key', SecretKeyParamPipe) key: string, @Body() body: SetIntegrationSecretBody): Promise<{ status: 'success' }> {
    return this.set(caller, 'user', caller.userId, key, body.value);
  }

  @Get('networks/:network/secrets/:key')
  @ApiOperation({ summary: "Read one of a network's secrets (404 when absent)" })
  getNetwork(
    @CallerOf() caller: Caller,
    @Param('network', TagParamPipe) network: string,
    @Param('key', SecretKeyParamPipe) key: string,
  ): Promise<{ key: string; value: string }> {
    return this.get(caller, 'network', network, key);
  }

  @Put('networks/:network/secrets/:key')
  @ApiOperation({ summary: "Set one of a network's secrets" })
  setNetwork(
    @CallerOf() caller: Caller,
    @Param('network', TagParamPipe) network: string,
    @Param('key', SecretKeyParamPipe) key: string,
    @Body() body: SetIntegrationSecretBody,
  ): Promise<{ status: 'success' }> {
    return this.set(caller, 'network', network, key, body.value);
  }

  private async get(caller: Caller, ownerType: IntegrationSecretOwnerType, owner: string, key: string): Promise<{ key: string; value: string }> {
    const reply = await this.nats.request<IntegrationSecretReply>(Subjects.SecretsIntegrationSecretGet, { workspace_id: caller.workspaceId, owner_type: ownerType, owner, key });
    if (!reply.found) throw new DomainError(ErrorCode.SecretNotFound, `Secret '${key}' not found`, { key });
    return { key, value: reply.value };
  }

  private set(caller: Caller, ownerType: IntegrationSecretOwnerType, owner: string, key: string, value: string): Promise<{ status: 'success' }> {
    return this.nats.request(Subjects.SecretsIntegrationSecretSet, { workspace_id: caller.workspaceId, owner_type: ownerType, owner, key, value });
  }
}
