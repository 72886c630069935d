import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { SpanKind } from '@opentelemetry/api';
import { inSpan, isTracingOn, traceContextOf } from '@switchboard/platform';
import type { PinoLogger } from 'nestjs-pino';
import type { DeliveryCounter } from './stream-metrics.js';

// How long one pull waits at the server for work. Short, so that a stopping executor's last pull, and a dead one's,
// stop claiming work soon; every wait costs only one small request.
const PULL_EXPIRES_MS = 5000;
// After a failed pull (NATS reconnecting, the consumer deleted), wait this long before setting up and pulling again.
const PULL_FAILURE_PAUSE_MS = 1000;

/** The stream a {@link StreamPuller} reads: set up (again, after a failure) and its shared durable consumer. */
export interface PulledQueue {
  ensure(options?: { again?: boolean }): Promise<void>;
  consumer(): Promise<Consumer>;
}

export interface StreamPullerOptions {
  queue: PulledQueue;
  /** Handles one delivery and never rejects: it ends in an ack, a nak or a term. */
  handle: (message: JsMsg) => Promise<void>;
  /** Deliveries worked on at once; no more are pulled until one ends. */
  maxInFlight: number;
  /** The consumer's ack wait: how long a delivery handed back at shutdown waits before it is delivered again. */
  ackWaitMs: number;
  /** On shutdown, how long deliveries under way may take to finish before they are handed back. */
  shutdownGraceMs: number;
  logger: PinoLogger;
  /** What the deliveries are, for the log: "dispatched runs". */
  what: string;
  /** Counts each delivery as it arrives. */
  countDelivery: DeliveryCounter;
}

/**
 * Pulls from a shared durable consumer and hands each delivery to `handle`, never holding more than `maxInFlight` at
 * once: it asks the server only for as many as it has free slots, so nothing waits in this process's buffer while its
 * ack wait runs out. On stop it stops pulling, lets work under way finish for `shutdownGraceMs`, and hands the rest
 * back to the stream for another executor, after one ack wait.
 */
export class StreamPuller {
  readonly #inFlight = new Map<JsMsg, Promise<void>>();
  #stopping = false;
  #loop: Promise<void> | undefined;
  #pull: ConsumerMessages | undefined;
  #wake: (() => void) | undefined;

  constructor(private readonly options: StreamPullerOptions) {}

  /** Sets the stream up (the caller awaits it: no publish may find it missing), then starts pulling. */
  async start(): Promise<void> {
    await this.options.queue.ensure();
    this.#loop = this.#pullLoop();
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#pull?.stop();
    this.#wakeUp();
    await this.#loop;
    await this.#finishOrHandBack();
  }

  async #pullLoop(): Promise<void> {
    const { queue, maxInFlight, logger, what } = this.options;
    let consumer: Consumer | undefined;
    while (!this.#stopping) {
      await this.#untilSlotFree();
      if (this.#stopping) return;
      try {
        consumer ??= await queue.consumer();
        this.#pull = await consumer.fetch({ max_messages: maxInFlight - this.#inFlight.size, expires: PULL_EXPIRES_MS });
        // Shutdown began while the pull was being set up, too late for stop() to stop it.
        if (this.#stopping) this.#pull.stop();
        for await (const message of this.#pull) this.#start(message);
      } catch (error) {
        if (this.#stopping) return;
        logger.warn({ err: error }, `pulling ${what} failed; setting up the stream and pulling again`);
        consumer = undefined;
        await this.#pause(PULL_FAILURE_PAUSE_MS);
        await queue.ensure({ again: true }).catch((setUpError: unknown) => logger.warn({ err: setUpError }, `stream set-up for ${what} failed; retrying`));
      } finally {
        this.#pull = undefined;
      }
    }
  }

  #start(message: JsMsg): void {
    if (this.#stopping) {
      // Arrived after the pull was stopped: straight back to the stream, for an executor that is not stopping.
      message.nak();
      return;
    }
    this.options.countDelivery(message);
    const handling = this.#handle(message).finally(() => {
      this.#inFlight.delete(message);
      this.#wakeUp();
    });
    this.#inFlight.set(message, handling);
  }

  // Traced, a delivery is handled in a span continuing the trace its publisher stamped on it (WorkQueueClient.publish).
  #handle(message: JsMsg): Promise<void> {
    if (!isTracingOn()) return this.options.handle(message);
    const attributes = {
      'messaging.system': 'nats',
      'messaging.destination.name': message.subject,
      'messaging.operation.type': 'process',
      'messaging.nats.delivery_count': message.info.deliveryCount,
    };
    return inSpan(message.subject, { kind: SpanKind.CONSUMER, parent: traceContextOf(message.headers), attributes }, () => this.options.handle(message));
  }

  async #finishOrHandBack(): Promise<void> {
    if (this.#inFlight.size === 0) return;
    const { shutdownGraceMs: graceMs, ackWaitMs, logger, what } = this.options;
    logger.info({ in_flight: this.#inFlight.size, grace_ms: graceMs }, `waiting for ${what} under way to finish`);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => (timer = setTimeout(() => resolve('grace over'), graceMs)));
    const outcome = await Promise.race([Promise.allSettled(this.#inFlight.values()), graceOver]);
    clearTimeout(timer);
    if (outcome !== 'grace over') return;
    // Handed back for after one ack wait: work that still ends here before the process does records its outcome, and
    // its redelivery then finds it ended and does not do it again, rather than racing it on another executor.
    for (const message of this.#inFlight.keys()) message.nak(ackWaitMs);
    logger.warn({ handed_back: this.#inFlight.size }, `${what} still under way at shutdown were handed back to the stream`);
  }

  async #untilSlotFree(): Promise<void> {
    while (this.#inFlight.size >= this.options.maxInFlight && !this.#stopping) {
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  async #pause(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
      timer = setTimeout(resolve, ms);
    });
    clearTimeout(timer);
  }

  // Only the pull loop ever waits, so one waker is enough.
  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
