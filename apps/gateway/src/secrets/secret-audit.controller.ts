import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SECRET_AUDIT_DEFAULT_LIMIT, SECRET_AUDIT_MAX_LIMIT, SecretAuditQuery, Subjects, type SecretAuditEntryView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';

// Its own path, so that no secret key (a secret may well be called "audit") is shadowed by it.
@ApiTags('secrets')
@Controller('v1/secret-audit')
export class SecretAuditController {
  constructor(private readonly nats: NatsRequester) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail, newest first: changes, reads and run-time uses, never values' })
  @ApiQuery({ name: 'key', required: false, description: 'Only the entries of this secret' })
  @ApiQuery({ name: 'limit', required: false, description: `1-${SECRET_AUDIT_MAX_LIMIT}, default ${SECRET_AUDIT_DEFAULT_LIMIT}` })
  list(@CallerOf() caller: Caller, @Query() query: SecretAuditQuery): Promise<SecretAuditEntryView[]> {
    return this.nats.request(Subjects.SecretsAuditList, { workspace_id: caller.workspaceId, query });
  }
}
