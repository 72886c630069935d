import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WebhookEventLogStore } from './webhook-event-log.store.js';
import { WebhookEventRetention } from './webhook-event-retention.js';
import { WebhookEventsController } from './webhook-events.controller.js';
import { WebhookEvents } from './webhook-events.service.js';
import { WebhookLookup } from './webhook-lookup.js';
import { WebhookTargetsController } from './webhook-targets.controller.js';
import { WebhookTargets } from './webhook-targets.service.js';

/**
 * The events API of webhooks: `executor.webhook-event.list|fetch|replay|replay-many` over the events the executor
 * received, replays queued on the webhook delivery stream, and the retention that deletes old events; and their
 * forward targets' states (`executor.webhook-delivery-state.list`, `executor.webhook-target.enable`).
 */
@Module({
  imports: [WebhooksModule],
  controllers: [WebhookEventsController, WebhookTargetsController],
  providers: [WebhookLookup, WebhookEventLogStore, WebhookEvents, WebhookEventRetention, WebhookTargets],
})
export class WebhookEventsModule {}
