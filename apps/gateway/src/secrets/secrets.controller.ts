import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateSecretBody,
  RotateSecretBody,
  Role,
  Subjects,
  UpdateSecretBody,
  type SecretView,
  type SecretWithValueView,
} from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';
import { SecretKeyParamPipe } from '../http/secret-key-param.pipe.js';
import { Needs } from '../auth/needs-role.decorator.js';

@ApiTags('secrets')
@Controller('v1/secrets')
export class SecretsController {
  constructor(private readonly nats: NatsRequester) {}

  @Post()
  @Needs(Role.Admin)
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a secret; reference it as $Token{KEY}. The reply never holds the value.' })
  create(@CallerOf() caller: Caller, @Body() body: CreateSecretBody): Promise<SecretView> {
    return this.nats.request(Subjects.SecretsSecretCreate, { workspace_id: caller.workspaceId, user_id: caller.userId, secret: body });
  }

  @Get()
  @ApiOperation({ summary: 'List secrets: metadata only, never values' })
  list(@CallerOf() caller: Caller): Promise<SecretView[]> {
    return this.nats.request(Subjects.SecretsSecretList, { workspace_id: caller.workspaceId });
  }

  @Get(':key')
  @Needs(Role.Admin)
  @ApiOperation({ summary: 'Fetch a secret with its value (the only call that returns one; audited)' })
  fetch(@CallerOf() caller: Caller, @Param('key', SecretKeyParamPipe) key: string): Promise<SecretWithValueView> {
    return this.nats.request(Subjects.SecretsSecretFetch, { workspace_id: caller.workspaceId, user_id: caller.userId, key });
  }

  @Patch(':key')
  @Needs(Role.Admin)
  @ApiOperation({ summary: 'Update description, scope, envs, expiry; a new value becomes a new version' })
  update(@CallerOf() caller: Caller, @Param('key', SecretKeyParamPipe) key: string, @Body() body: UpdateSecretBody): Promise<SecretView> {
    return this.nats.request(Subjects.SecretsSecretUpdate, { workspace_id: caller.workspaceId, user_id: caller.userId, key, changes: body });
  }

  @Post(':key/rotate')
  @Needs(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate: a new value under a new version; the old one is never used again' })
  rotate(@CallerOf() caller: Caller, @Param('key', SecretKeyParamPipe) key: string, @Body() body: RotateSecretBody): Promise<SecretView> {
    return this.nats.request(Subjects.SecretsSecretRotate, { workspace_id: caller.workspaceId, user_id: caller.userId, key, rotation: body });
  }

  @Delete(':key')
  @Needs(Role.Admin)
  @ApiOperation({ summary: 'Delete a secret and destroy every stored version of its value' })
  delete(@CallerOf() caller: Caller, @Param('key', SecretKeyParamPipe) key: string): Promise<SecretView> {
    return this.nats.request(Subjects.SecretsSecretDelete, { workspace_id: caller.workspaceId, user_id: caller.userId, key });
  }
}
