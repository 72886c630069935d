import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateMemberBody, Role, UpdateMemberBody, type CreatedMemberView, type MemberView } from '@switchboard/contracts';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';
import { Needs } from '../auth/needs-role.decorator.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@Controller('v1/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({ summary: 'The workspace members and their roles' })
  list(@CallerOf() caller: Caller): Promise<MemberView[]> {
    return this.members.list(caller.workspaceId);
  }

  @Post()
  @Needs(Role.Admin)
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a member (admin, developer or viewer); the reply holds their first API key, shown once' })
  create(@CallerOf() caller: Caller, @Body() body: CreateMemberBody): Promise<CreatedMemberView> {
    return this.members.create(caller.workspaceId, body);
  }

  @Get(':member')
  @ApiOperation({ summary: 'One member' })
  fetch(@CallerOf() caller: Caller, @Param('member') userId: string): Promise<MemberView> {
    return this.members.fetch(caller.workspaceId, userId);
  }

  @Patch(':member')
  @Needs(Role.Admin)
  @ApiOperation({ summary: "Rename a member or change their role (the owner's role stays); applies to their keys and sessions at once" })
  update(@CallerOf() caller: Caller, @Param('member') userId: string, @Body() body: UpdateMemberBody): Promise<MemberView> {
    return this.members.update(caller.workspaceId, userId, body);
  }

  @Delete(':member')
  @Needs(Role.Admin)
  @ApiOperation({ summary: 'Remove a member with their keys and sessions (never the owner)' })
  remove(@CallerOf() caller: Caller, @Param('member') userId: string): Promise<MemberView> {
    return this.members.remove(caller.workspaceId, userId);
  }
}
