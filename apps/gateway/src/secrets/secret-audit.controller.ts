import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Subjects, type SecretAuditEntryView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';

// Its own path, so that no secret key (a secret may well be called "audit") is shadowed by it.
@ApiTags('secrets')
@Controller('v1/secret-audit')
export class SecretAuditController {
  constructor(private readonly nats: NatsRequester) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first: changes, reads and run-time uses, never values' })
  list(@CallerOf() caller: Caller, @Query('key') key?: string, @Query('limit') limit?: string): Promise<SecretAuditEntryView[]> {
    return this.nats.request(Subjects.SecretsAuditList, {
      workspace_id: caller.workspaceId,
      ...(key === undefined ? {} : { key }),
      ...(limit === undefined ? {} : { limit: Number(limit) }),
    });
  }
}
