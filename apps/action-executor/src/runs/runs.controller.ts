import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RunActionRequest, Subjects, type ActionRunReply } from '@switchboard/contracts';
import { ActionRunner } from './action-runner.js';

@Controller()
export class RunsController {
  constructor(private readonly runner: ActionRunner) {}

  @MessagePattern(Subjects.ActionsActionRun)
  run(@Payload() request: RunActionRequest): Promise<ActionRunReply> {
    return this.runner.run(request.workspace_id, request.run, request.sent_at);
  }
}
