import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import { ReplayWebhookEventsBody } from './replay-webhook-events.body.js';
import { WebhookEventsQuery } from './webhook-events.query.js';
import { WebhookTagRequest } from './webhook.requests.js';

/** `executor.webhook-event.list`: a webhook's received events, newest first or, pulling, oldest first by sequence. */
export class ListWebhookEventsRequest extends WebhookTagRequest {
  @ValidateNested()
  @Type(() => WebhookEventsQuery)
  query!: WebhookEventsQuery;
}

/** `executor.webhook-event.fetch` and `executor.webhook-event.replay`: one event of a webhook. */
export class WebhookEventRequest extends WebhookTagRequest {
  /** `wev_<uuid>`, as the sender's 200 and the list named it; any other string is simply not found. */
  @Length(1, 128)
  @IsString()
  event_id!: string;
}

/** `executor.webhook-event.replay-many`: the bulk recovery of a webhook's events, dead-lettered ones by default. */
export class ReplayWebhookEventsRequest extends WebhookTagRequest {
  @ValidateNested()
  @Type(() => ReplayWebhookEventsBody)
  filter!: ReplayWebhookEventsBody;
}
