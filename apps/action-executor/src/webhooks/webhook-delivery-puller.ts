import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { StreamMetrics } from '../jetstream/stream-metrics.js';
import { StreamPuller } from '../jetstream/stream-puller.js';
import { WebhookDeliveryHandler } from './webhook-delivery.handler.js';
import { WebhookDeliveryQueue } from './webhook-delivery-queue.js';
import { WebhooksConfig } from './webhooks.config.js';

/** Pulls webhook deliveries from the shared durable consumer, at most `WEBHOOK_DELIVERY_MAX_IN_FLIGHT` at once. */
@Injectable()
export class WebhookDeliveryPuller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #puller: StreamPuller;

  constructor(queue: WebhookDeliveryQueue, handler: WebhookDeliveryHandler, config: WebhooksConfig, logger: PinoLogger, metrics: StreamMetrics) {
    logger.setContext('webhooks');
    this.#puller = new StreamPuller({
      queue,
      handle: (message) => handler.handle(message),
      maxInFlight: config.WEBHOOK_DELIVERY_MAX_IN_FLIGHT,
      ackWaitMs: config.WEBHOOK_DELIVERY_ACK_WAIT_MS,
      shutdownGraceMs: config.WEBHOOK_DELIVERY_SHUTDOWN_GRACE_MS,
      logger,
      countDelivery: metrics.watch('webhook_delivery', queue),
      what: 'webhook deliveries',
    });
  }

  // Awaited by Nest before the executor answers any request: a receipt must never find the stream missing.
  onApplicationBootstrap(): Promise<void> {
    return this.#puller.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.#puller.stop();
  }
}
