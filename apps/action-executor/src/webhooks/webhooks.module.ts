import { Module } from '@nestjs/common';
import { StreamMetricsModule } from '../jetstream/stream-metrics.module.js';
import { RunsModule } from '../runs/runs.module.js';
import { ForwardingSecrets } from './forwarding-secrets.js';
import { WebhookDeliveryEnqueuer } from './webhook-delivery-enqueuer.js';
import { WebhookDeliveryHandler } from './webhook-delivery.handler.js';
import { WebhookDeliveryPuller } from './webhook-delivery-puller.js';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { WebhookDeliverySweeper } from './webhook-delivery-sweeper.js';
import { WebhookEventStore } from './webhook-event.store.js';
import { WebhookTargetStore } from './webhook-target.store.js';
import { WebhookReceiptsController } from './webhook-receipts.controller.js';
import { WebhookMetrics } from './webhook-metrics.js';
import { WebhookReceiver } from './webhook-receiver.js';

/**
 * Webhook receipts and deliveries: `executor.webhook.receive` verifies and stores what a sender posted, and the
 * delivery stream's consumer forwards accepted events to their webhook's forward URL, on a retry schedule.
 */
@Module({
  imports: [RunsModule, StreamMetricsModule],
  controllers: [WebhookReceiptsController],
  providers: [
    WebhookEventStore,
    WebhookDeliveryQueue,
    WebhookDeliveryEnqueuer,
    WebhookReceiver,
    ForwardingSecrets,
    WebhookTargetStore,
    WebhookDeliveryHandler,
    WebhookDeliveryPuller,
    WebhookMetrics,
    WebhookDeliverySweeper,
  ],
  // The events API replays events through the same queue; enabling a target reads and changes its state.
  exports: [WebhookDeliveryEnqueuer, WebhookTargetStore],
})
export class WebhooksModule {}
