import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RunActionBody, Subjects, type ActionDispatchReply, type ActionPlanReply, type ActionRunReply } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';
import { Unaudited } from '../audit/unaudited.decorator.js';

export const ACTION_RUN_TIMEOUT_MS = Symbol('ACTION_RUN_TIMEOUT_MS');

@ApiTags('actions')
@Unaudited()
@Controller('v1/actions')
export class ActionsController {
  constructor(
    private readonly nats: NatsRequester,
    @Inject(ACTION_RUN_TIMEOUT_MS) private readonly runTimeoutMs: number,
  ) {}

  @Post('run')
  @HttpCode(200)
  @ApiOperation({ summary: "Run a connected app's action; the upstream's status, headers and body come back whatever the status" })
  run(@CallerOf() caller: Caller, @Body() body: RunActionBody): Promise<ActionRunReply> {
    // A run waits on a third party, so it gets its own, longer deadline than calls between our services.
    return this.nats.request(
      Subjects.ActionsActionRun,
      { workspace_id: caller.workspaceId, user_id: caller.userId, run: body, sent_at: Date.now() },
      this.runTimeoutMs,
    );
  }

  @Post('dispatch')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Queue a run and return its run_id at once; GET /v1/actions/runs/:run_id follows it (queued, running, succeeded, failed, dead_lettered). Delivered at least once: a run whose executor dies is run again',
  })
  dispatch(@CallerOf() caller: Caller, @Body() body: RunActionBody): Promise<ActionDispatchReply> {
    // Only the target is checked and the run queued before the reply: the default deadline between services applies.
    return this.nats.request(Subjects.ActionsActionDispatch, { workspace_id: caller.workspaceId, user_id: caller.userId, run: body, sent_at: Date.now() });
  }

  @Post('plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'What a run would send (references left unresolved) and which checks would pass or fail, without calling out' })
  plan(@CallerOf() caller: Caller, @Body() body: RunActionBody): Promise<ActionPlanReply> {
    return this.nats.request(Subjects.ActionsActionPlan, { workspace_id: caller.workspaceId, user_id: caller.userId, run: body });
  }
}
