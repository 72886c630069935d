import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RUN_LIST_DEFAULT_LIMIT, RUN_LIST_MAX_LIMIT, RUN_RECORD_STATUSES, RunRecordsQuery, Subjects, type RunRecordView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';

@ApiTags('actions')
@Controller('v1/actions/runs')
export class RunRecordsController {
  constructor(private readonly nats: NatsRequester) {}

  @Get()
  @ApiOperation({ summary: 'Run records, newest first: status, timings, the request with secret references (never values), secret versions' })
  @ApiQuery({ name: 'product', required: false })
  @ApiQuery({ name: 'app', required: false, description: 'The access tag of the connected app' })
  @ApiQuery({ name: 'status', required: false, enum: RUN_RECORD_STATUSES })
  @ApiQuery({ name: 'limit', required: false, description: `1-${RUN_LIST_MAX_LIMIT}, default ${RUN_LIST_DEFAULT_LIMIT}` })
  @ApiQuery({ name: 'before', required: false, description: 'The created_at of the last run of the previous page' })
  @ApiQuery({ name: 'after', required: false, description: 'Only runs created strictly after this ISO 8601 instant' })
  list(@CallerOf() caller: Caller, @Query() query: RunRecordsQuery): Promise<RunRecordView[]> {
    return this.nats.request(Subjects.ActionsRunList, { workspace_id: caller.workspaceId, query });
  }

  @Get(':run_id')
  @ApiOperation({ summary: 'One run record' })
  fetch(@CallerOf() caller: Caller, @Param('run_id') runId: string): Promise<RunRecordView> {
    return this.nats.request(Subjects.ActionsRunFetch, { workspace_id: caller.workspaceId, run_id: runId });
  }
}
