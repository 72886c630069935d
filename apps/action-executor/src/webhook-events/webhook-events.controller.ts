import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListWebhookEventsRequest,
  ReplayWebhookEventsRequest,
  Subjects,
  WebhookEventRequest,
  type WebhookEventsReplayed,
  type WebhookEventSummary,
  type WebhookEventView,
} from '@switchboard/contracts';
import { WebhookEvents } from './webhook-events.service.js';

@Controller()
export class WebhookEventsController {
  constructor(private readonly events: WebhookEvents) {}

  @MessagePattern(Subjects.ExecutorWebhookEventList)
  list(@Payload() request: ListWebhookEventsRequest): Promise<WebhookEventSummary[]> {
    return this.events.list(request);
  }

  @MessagePattern(Subjects.ExecutorWebhookEventFetch)
  fetch(@Payload() request: WebhookEventRequest): Promise<WebhookEventView> {
    return this.events.fetch(request);
  }

  @MessagePattern(Subjects.ExecutorWebhookEventReplay)
  replay(@Payload() request: WebhookEventRequest): Promise<WebhookEventSummary> {
    return this.events.replay(request);
  }

  @MessagePattern(Subjects.ExecutorWebhookEventReplayMany)
  replayMany(@Payload() request: ReplayWebhookEventsRequest): Promise<WebhookEventsReplayed> {
    return this.events.replayMany(request);
  }
}
