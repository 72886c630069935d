import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntegrationFetchBody, Subjects, type IntegrationFetchReply } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { ACTION_RUN_TIMEOUT_MS } from '../actions/actions.controller.js';
import { CallerOf, type Caller } from '../auth/caller.decorator.js';
import { Unaudited } from '../audit/unaudited.decorator.js';

/** `integrations.fetch`: an HTTP request made by the executor with the caller's secrets substituted. */
@ApiTags('integrations')
@Controller('v1/integrations')
export class IntegrationFetchController {
  constructor(
    private readonly nats: NatsRequester,
    @Inject(ACTION_RUN_TIMEOUT_MS) private readonly fetchTimeoutMs: number,
  ) {}

  @Post('fetch')
  @Unaudited()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Make an HTTP request with $(secret:KEY) / $Token{KEY} replaced by the caller's secrets, then the workspace's unscoped ones; the upstream's status, headers and base64 body come back whatever the status",
  })
  fetch(@CallerOf() caller: Caller, @Body() body: IntegrationFetchBody): Promise<IntegrationFetchReply> {
    // Like an action run, a fetch waits on a third party, so it gets the run deadline rather than the inter-service one.
    return this.nats.request(Subjects.ActionsIntegrationFetch, { workspace_id: caller.workspaceId, user_id: caller.userId, request: body }, this.fetchTimeoutMs);
  }
}
