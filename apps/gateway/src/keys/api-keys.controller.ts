import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateApiKeyBody, Role, type ApiKeyView, type IssuedApiKeyView } from '@switchboard/contracts';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';
import { Needs } from '../auth/needs-role.decorator.js';
import { MembersService } from '../members/members.service.js';
import { ApiKeysService } from './api-keys.service.js';
import { OwnKeysGuard } from './own-keys.guard.js';

/** Every member manages their own keys; admins manage anyone's. */
@ApiTags('members')
@Needs(Role.Viewer)
@UseGuards(OwnKeysGuard)
@Controller('v1/members/:member/keys')
export class ApiKeysController {
  constructor(
    private readonly members: MembersService,
    private readonly keys: ApiKeysService,
  ) {}

  @Get()
  @ApiOperation({ summary: "A member's API keys: names, expiry, last use; never the keys themselves" })
  async list(@CallerOf() caller: Caller, @Param('member') userId: string): Promise<ApiKeyView[]> {
    return this.keys.list(await this.members.member(caller.workspaceId, userId));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an API key, optionally expiring; the reply holds the private key, shown once' })
  async create(@CallerOf() caller: Caller, @Param('member') userId: string, @Body() body: CreateApiKeyBody): Promise<IssuedApiKeyView> {
    return this.keys.create(await this.members.member(caller.workspaceId, userId), body);
  }

  @Post(':key_id/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate an API key: a new private key under the same id; the old one is refused at once on every gateway' })
  async rotate(@CallerOf() caller: Caller, @Param('member') userId: string, @Param('key_id') keyId: string): Promise<IssuedApiKeyView> {
    return this.keys.rotate(await this.members.member(caller.workspaceId, userId), keyId);
  }

  @Delete(':key_id')
  @ApiOperation({ summary: 'Revoke an API key: refused at once on every gateway' })
  async revoke(@CallerOf() caller: Caller, @Param('member') userId: string, @Param('key_id') keyId: string): Promise<ApiKeyView> {
    return this.keys.revoke(await this.members.member(caller.workspaceId, userId), keyId);
  }
}
