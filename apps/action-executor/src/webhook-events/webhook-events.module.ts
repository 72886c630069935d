import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WebhookEventLogStore } from './webhook-event-log.store.js';
import { WebhookEventRetention } from './webhook-event-retention.js';
import { WebhookEventsController } from './webhook-events.controller.js';
import { WebhookEvents } from './webhook-events.service.js';

/**
 * The events API of webhooks: `executor.webhook-event.list|fetch|replay|replay-many` over the events the executor
 * received, replays queued on the webhook delivery stream, and the retention that deletes old events.
 */
@Module({
  imports: [WebhooksModule],
  controllers: [WebhookEventsController],
  providers: [WebhookEventLogStore, WebhookEvents, WebhookEventRetention],
})
export class WebhookEventsModule {}
