import { Inject, Injectable } from '@nestjs/common';
import type { Consumer } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Streams, type WebhookDeliveryMessage } from '@switchboard/contracts';
import { NATS_CONNECTION } from '@switchboard/platform';
import type { PulledQueue } from '../jetstream/stream-puller.js';
import { JetStreamConfig } from '../jetstream/jetstream.config.js';
import { WorkQueueClient } from '../jetstream/work-queue-client.js';
import { WebhooksConfig } from './webhooks.config.js';

const STREAM = Streams.WebhookDeliveries;

// The receipt answers its sender after this at the latest; an event not confirmed by then is the sweeper's.
const PUBLISH_TIMEOUT_MS = 2000;

/** The webhook delivery stream, next to the dispatch stream: one message per accepted event, its id as message id. */
@Injectable()
export class WebhookDeliveryQueue implements PulledQueue {
  readonly #client: WorkQueueClient;

  constructor(@Inject(NATS_CONNECTION) nats: NatsConnection, config: WebhooksConfig, jetstream: JetStreamConfig) {
    this.#client = new WorkQueueClient(nats, STREAM, config.WEBHOOK_DELIVERY_ACK_WAIT_MS, jetstream.JETSTREAM_REPLICAS);
  }

  ensure(options: { again?: boolean } = {}): Promise<void> {
    return this.#client.ensure(options);
  }

  /**
   * Queues a round of the event's delivery; a publish repeated within the stream's duplicate window is stored once.
   * Each replay is a round of its own, with its own message id, so a replay soon after the last round is not dropped.
   */
  publish(message: WebhookDeliveryMessage): Promise<void> {
    const messageId = message.replay === undefined ? message.event_id : `${message.event_id}.replay-${message.replay}`;
    return this.#client.publish(STREAM.eventSubject, message, messageId, PUBLISH_TIMEOUT_MS);
  }

  consumer(): Promise<Consumer> {
    return this.#client.consumer();
  }
}
