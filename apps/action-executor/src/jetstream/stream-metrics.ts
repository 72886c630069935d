import { Injectable } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import { Counter, Gauge, Registry } from 'prom-client';
import type { PulledQueue } from './stream-puller.js';

/** Counts one stream's deliveries as this executor receives them. */
export type DeliveryCounter = (message: JsMsg) => void;

/**
 * The executor's work queues (dispatched runs, webhook deliveries) as Prometheus sees them: deliveries received, first
 * or again (after a nak, an ack wait that ran out, or an executor that died holding them), and the shared consumer's
 * backlog, asked of the server at scrape time only, so the pull loop pays nothing for it.
 */
@Injectable()
export class StreamMetrics {
  readonly #deliveries: Counter<'stream' | 'delivery'>;
  readonly #queues = new Map<string, PulledQueue>();

  constructor(registry: Registry) {
    this.#deliveries = new Counter({
      name: 'switchboard_stream_deliveries_total',
      help: 'JetStream deliveries this executor received, by stream and whether it was the first delivery or a redelivery',
      labelNames: ['stream', 'delivery'] as const,
      registers: [registry],
    });
    const queues = this.#queues;
    new Gauge({
      name: 'switchboard_stream_consumer_messages',
      help: 'Messages of a stream\'s shared consumer at scrape time: pending (waiting for any executor) and ack_pending (delivered, not yet acknowledged)',
      labelNames: ['stream', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        await Promise.all(
          [...queues].map(async ([stream, queue]) => {
            // While NATS is away the scrape still answers, without this stream's backlog (readiness says NATS is down).
            const info = await (await queue.consumer()).info().catch(() => undefined);
            if (info === undefined) return;
            this.set({ stream, state: 'pending' }, info.num_pending);
            this.set({ stream, state: 'ack_pending' }, info.num_ack_pending);
          }),
        );
      },
    });
  }

  /** Starts counting `stream`'s deliveries and reporting its consumer's backlog; the puller calls the counter per delivery. */
  watch(stream: string, queue: PulledQueue): DeliveryCounter {
    this.#queues.set(stream, queue);
    const first = this.#deliveries.labels({ stream, delivery: 'first' });
    const again = this.#deliveries.labels({ stream, delivery: 'redelivery' });
    return (message) => (message.info.redelivered ? again : first).inc();
  }
}
