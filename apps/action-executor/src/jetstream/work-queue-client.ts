import { jetstream, jetstreamManager, type Consumer, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { isTracingOn, withTraceContext } from '@switchboard/platform';
import { ensureWorkQueue, type WorkQueue } from './work-queue-stream.js';

/** One work queue as the executor uses it: sets it up (once, again on demand), publishes to it, hands out its consumer. */
export class WorkQueueClient {
  readonly #js: JetStreamClient;
  #ready: Promise<void> | undefined;

  constructor(
    private readonly nats: NatsConnection,
    private readonly queue: WorkQueue,
    private readonly ackWaitMs: number,
    private readonly replicas: number,
  ) {
    this.#js = jetstream(nats);
  }

  /**
   * Creates or updates the stream and its consumer, once; a failed attempt is tried again on the next call, and
   * `again` sets them up anew (after a pull failed because someone deleted them).
   */
  ensure(options: { again?: boolean } = {}): Promise<void> {
    if (options.again) this.#ready = undefined;
    this.#ready ??= this.#setUp().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  /**
   * Stores `payload` in the stream under `messageId` (a publish repeated after a lost acknowledgement is stored once),
   * with the active trace context when the executor traces, so the work joins the trace of whoever queued it.
   */
  async publish(subject: string, payload: object, messageId: string, timeoutMs: number): Promise<void> {
    const headers = isTracingOn() ? withTraceContext(undefined) : undefined;
    await this.#js.publish(subject, JSON.stringify(payload), { msgID: messageId, timeout: timeoutMs, headers });
  }

  /** The shared durable consumer. */
  consumer(): Promise<Consumer> {
    return this.#js.consumers.get(this.queue.name, this.queue.consumer);
  }

  async #setUp(): Promise<void> {
    try {
      await ensureWorkQueue(await jetstreamManager(this.nats), this.queue, this.ackWaitMs, this.replicas);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `The stream ${this.queue.name} could not be set up on NATS (it needs JetStream, nats-server -js, and as many nodes as JETSTREAM_REPLICAS=${this.replicas}): ${reason}`,
        { cause: error },
      );
    }
  }
}
