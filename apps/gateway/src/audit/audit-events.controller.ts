import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_LIST_DEFAULT_LIMIT, AUDIT_LIST_MAX_LIMIT, AuditEventsQuery, Role, type AuditEventView } from '@switchboard/contracts';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';
import { Needs } from '../auth/needs-role.decorator.js';
import { AuditLog } from './audit-log.js';

@ApiTags('audit')
@Controller('v1/audit-events')
export class AuditEventsController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  @Needs(Role.Admin)
  @ApiOperation({ summary: 'Who changed which app, product, connection, webhook, member, key or secret, when and from where; newest first' })
  @ApiQuery({ name: 'limit', required: false, description: `1-${AUDIT_LIST_MAX_LIMIT}, default ${AUDIT_LIST_DEFAULT_LIMIT}` })
  @ApiQuery({ name: 'before', required: false, description: 'The event_id of the last event of the previous page' })
  list(@CallerOf() caller: Caller, @Query() query: AuditEventsQuery): Promise<AuditEventView[]> {
    return this.log.list(caller.workspaceId, query);
  }
}
