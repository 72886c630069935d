import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RunActionRequest, Subjects, type ActionPlanReply, type ActionRunReply } from '@switchboard/contracts';
import { ActionPlanner } from './action-planner.js';
import { ActionRunner } from './action-runner.js';

@Controller()
export class ActionsController {
  constructor(
    private readonly runner: ActionRunner,
    private readonly planner: ActionPlanner,
  ) {}

  @MessagePattern(Subjects.ActionsActionRun)
  run(@Payload() request: RunActionRequest): Promise<ActionRunReply> {
    return this.runner.run(request.workspace_id, request.run, request.sent_at);
  }

  @MessagePattern(Subjects.ActionsActionPlan)
  plan(@Payload() request: RunActionRequest): Promise<ActionPlanReply> {
    return this.planner.plan(request.workspace_id, request.run);
  }
}
