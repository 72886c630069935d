import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ErrorCode, FetchRunRecordRequest, ListRunRecordsRequest, Subjects, type RunRecordView } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { RunRecordStore } from './run-record.store.js';

@Controller()
export class RunRecordsController {
  constructor(private readonly store: RunRecordStore) {}

  @MessagePattern(Subjects.ActionsRunList)
  list(@Payload() request: ListRunRecordsRequest): Promise<RunRecordView[]> {
    const { product, app, status, limit, before, after } = request.query;
    return this.store.list({ workspaceId: request.workspace_id, product, accessTag: app, status, limit, before, after });
  }

  @MessagePattern(Subjects.ActionsRunFetch)
  async fetch(@Payload() request: FetchRunRecordRequest): Promise<RunRecordView> {
    const record = await this.store.fetch(request.workspace_id, request.run_id);
    // Another workspace's run answers exactly like one that never existed.
    if (!record) throw new DomainError(ErrorCode.RunNotFound, `Run '${request.run_id}' not found`, { run_id: request.run_id });
    return record;
  }
}
