import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RUN_LIST_DEFAULT_LIMIT, RUN_LIST_MAX_LIMIT, RUN_RECORD_STATUSES, Subjects, type RunRecordView } from '@switchboard/contracts';
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
  list(
    @CallerOf() caller: Caller,
    @Query('product') product?: string,
    @Query('app') app?: string,
    @Query('status') status?: string,
    @Query('limit') limit?: string,
    @Query('before') before?: string,
  ): Promise<RunRecordView[]> {
    // The executor validates every filter; absent ones are left out rather than sent empty.
    return this.nats.request(Subjects.ActionsRunList, {
      workspace_id: caller.workspaceId,
      ...(product === undefined ? {} : { product }),
      ...(app === undefined ? {} : { access_tag: app }),
      ...(status === undefined ? {} : { status }),
      ...(limit === undefined ? {} : { limit: integerOrAsIs(limit) }),
      ...(before === undefined ? {} : { before }),
    });
  }

  @Get(':run_id')
  @ApiOperation({ summary: 'One run record' })
  fetch(@CallerOf() caller: Caller, @Param('run_id') runId: string): Promise<RunRecordView> {
    return this.nats.request(Subjects.ActionsRunFetch, { workspace_id: caller.workspaceId, run_id: runId });
  }
}

// A query value is text; "abc" or "1.5" is passed on as it is so that validation names the field, rather than
// becoming NaN, which JSON sends as null and validation would take for "not given".
function integerOrAsIs(value: string): number | string {
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}
