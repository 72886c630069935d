import { Module } from '@nestjs/common';
import type { WebhookForwardingSecretView } from '@switchboard/contracts';
import { CacheConfig } from '../cache/cache.config.js';
import { WorkspaceCache } from '../cache/workspace-cache.js';
import { RunsModule } from '../runs/runs.module.js';
import { FORWARDING_SECRET_CACHE, ForwardingSecrets } from './forwarding-secrets.js';
import { WebhookDeliveryEnqueuer } from './webhook-delivery-enqueuer.js';
import { WebhookDeliveryHandler } from './webhook-delivery.handler.js';
import { WebhookDeliveryPuller } from './webhook-delivery-puller.js';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { WebhookDeliverySweeper } from './webhook-delivery-sweeper.js';
import { WebhookEventStore } from './webhook-event.store.js';
import { WebhookReceiptsController } from './webhook-receipts.controller.js';
import { WebhookReceiver } from './webhook-receiver.js';

const MAX_CACHED_FORWARDING_SECRETS = 10_000;

/**
 * Webhook receipts and deliveries: `executor.webhook.receive` verifies and stores what a sender posted, and the
 * delivery stream's consumer forwards accepted events to their webhook's forward URL, on a retry schedule.
 */
@Module({
  imports: [RunsModule],
  controllers: [WebhookReceiptsController],
  providers: [
    WebhookEventStore,
    WebhookDeliveryQueue,
    WebhookDeliveryEnqueuer,
    WebhookReceiver,
    ForwardingSecrets,
    {
      provide: FORWARDING_SECRET_CACHE,
      inject: [CacheConfig],
      useFactory: (config: CacheConfig) =>
        new WorkspaceCache<WebhookForwardingSecretView>({ maxEntries: MAX_CACHED_FORWARDING_SECRETS, maxAgeMs: config.EXECUTOR_CACHE_MAX_AGE_MS }),
    },
    WebhookDeliveryHandler,
    WebhookDeliveryPuller,
    WebhookDeliverySweeper,
  ],
  // The events API replays events through the same queue.
  exports: [WebhookDeliveryEnqueuer],
})
export class WebhooksModule {}
