import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ReplayWebhookEventsBody,
  Subjects,
  WEBHOOK_BULK_REPLAY_MAX_EVENTS,
  WEBHOOK_EVENT_LIST_DEFAULT_LIMIT,
  WEBHOOK_EVENT_LIST_MAX_LIMIT,
  WEBHOOK_EVENT_STATUSES,
  WebhookEventsQuery,
  type WebhookEventsReplayed,
  type WebhookEventSummary,
  type WebhookEventView,
} from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';

/** A webhook's received events: the executor owns them and asks the connection service for the webhook. */
@ApiTags('webhooks')
@Controller('v1/products/:product/webhooks/:webhook/events')
export class WebhookEventsController {
  constructor(private readonly nats: NatsRequester) {}

  @Get()
  @ApiOperation({
    summary:
      'Received events, newest first (page with before), or oldest first by sequence to pull them (after_sequence): status, verification, attempts; no body',
  })
  @ApiQuery({ name: 'status', required: false, enum: WEBHOOK_EVENT_STATUSES })
  @ApiQuery({ name: 'env', required: false })
  @ApiQuery({ name: 'limit', required: false, description: `1-${WEBHOOK_EVENT_LIST_MAX_LIMIT}, default ${WEBHOOK_EVENT_LIST_DEFAULT_LIMIT}` })
  @ApiQuery({ name: 'before', required: false, description: 'The received_at of the last event of the previous page' })
  @ApiQuery({ name: 'after', required: false, description: 'Only events received strictly after this ISO 8601 instant' })
  @ApiQuery({
    name: 'after_sequence',
    required: false,
    description: 'Pull: only events after this sequence (0 to start, then the last one read), oldest first, none skipped or repeated',
  })
  list(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) webhookTag: string,
    @Query() query: WebhookEventsQuery,
  ): Promise<WebhookEventSummary[]> {
    return this.nats.request(Subjects.ExecutorWebhookEventList, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: webhookTag, query });
  }

  @Post('replay')
  @HttpCode(202)
  @ApiOperation({
    summary: `Queue again, for the forward URL, the events matching the filter (dead-lettered by default), oldest first, up to ${WEBHOOK_BULK_REPLAY_MAX_EVENTS}: the count, and whether more matched`,
  })
  replayMany(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) webhookTag: string,
    @Body() filter: ReplayWebhookEventsBody,
  ): Promise<WebhookEventsReplayed> {
    return this.nats.request(Subjects.ExecutorWebhookEventReplayMany, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: webhookTag, filter });
  }

  @Get(':event_id')
  @ApiOperation({ summary: 'One event: headers, the raw body (text when UTF-8, else base64), every delivery attempt' })
  fetch(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) webhookTag: string,
    @Param('event_id') eventId: string,
  ): Promise<WebhookEventView> {
    return this.nats.request(Subjects.ExecutorWebhookEventFetch, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: webhookTag, event_id: eventId });
  }

  @Post(':event_id/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a stored, delivered or dead-lettered event again for the forward URL, with the same webhook-id; its attempts count afresh' })
  replay(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) webhookTag: string,
    @Param('event_id') eventId: string,
  ): Promise<WebhookEventSummary> {
    return this.nats.request(Subjects.ExecutorWebhookEventReplay, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: webhookTag, event_id: eventId });
  }
}
