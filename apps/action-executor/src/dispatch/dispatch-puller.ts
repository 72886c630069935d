import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { PinoLogger } from 'nestjs-pino';
import { DispatchConfig } from './dispatch.config.js';
import { DispatchQueue } from './dispatch-queue.js';
import { DispatchedRunHandler } from './dispatched-run.handler.js';

// How long one pull waits at the server for runs. Short, so that a stopping executor's last pull, and a dead one's,
// stop claiming runs soon; every wait costs only one small request.
const PULL_EXPIRES_MS = 5000;
// After a failed pull (NATS reconnecting, the consumer deleted), wait this long before setting up and pulling again.
const PULL_FAILURE_PAUSE_MS = 1000;

/**
 * Pulls dispatched runs from the shared durable consumer and hands each to the DispatchedRunHandler, never holding more
 * than `DISPATCH_MAX_IN_FLIGHT` at once: it asks the server only for as many runs as it has free slots, so no run waits
 * in this process's buffer while its ack wait runs out. On shutdown it stops pulling, lets runs under way finish for
 * `DISPATCH_SHUTDOWN_GRACE_MS`, and hands the rest back to the stream for another executor, after one ack wait.
 */
@Injectable()
export class DispatchPuller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #inFlight = new Map<JsMsg, Promise<void>>();
  #stopping = false;
  #loop: Promise<void> | undefined;
  #pull: ConsumerMessages | undefined;
  #wake: (() => void) | undefined;

  constructor(
    private readonly queue: DispatchQueue,
    private readonly handler: DispatchedRunHandler,
    private readonly config: DispatchConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('dispatch');
  }

  /** How many dispatched runs this executor is working on. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  // Awaited by Nest before the executor answers any request: a dispatch must never find the stream missing.
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensure();
    this.#loop = this.#pullLoop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.#stopping = true;
    this.#pull?.stop();
    this.#wakeUp();
    await this.#loop;
    await this.#finishOrHandBack();
  }

  async #pullLoop(): Promise<void> {
    let consumer: Consumer | undefined;
    while (!this.#stopping) {
      await this.#untilSlotFree();
      if (this.#stopping) return;
      try {
        consumer ??= await this.queue.consumer();
        this.#pull = await consumer.fetch({ max_messages: this.config.DISPATCH_MAX_IN_FLIGHT - this.#inFlight.size, expires: PULL_EXPIRES_MS });
        // Shutdown began while the pull was being set up, too late for beforeApplicationShutdown to stop it.
        if (this.#stopping) this.#pull.stop();
        for await (const message of this.#pull) this.#start(message);
      } catch (error) {
        if (this.#stopping) return;
        this.logger.warn({ err: error }, 'pulling dispatched runs failed; setting up the stream and pulling again');
        consumer = undefined;
        await this.#pause(PULL_FAILURE_PAUSE_MS);
        await this.queue.ensure({ again: true }).catch((setUpError: unknown) => this.logger.warn({ err: setUpError }, 'dispatch stream set-up failed; retrying'));
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
    const handling = this.handler.handle(message).finally(() => {
      this.#inFlight.delete(message);
      this.#wakeUp();
    });
    this.#inFlight.set(message, handling);
  }

  async #finishOrHandBack(): Promise<void> {
    if (this.#inFlight.size === 0) return;
    const graceMs = this.config.DISPATCH_SHUTDOWN_GRACE_MS;
    this.logger.info({ in_flight: this.#inFlight.size, grace_ms: graceMs }, 'waiting for dispatched runs under way to finish');
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => (timer = setTimeout(() => resolve('grace over'), graceMs)));
    const outcome = await Promise.race([Promise.allSettled(this.#inFlight.values()), graceOver]);
    clearTimeout(timer);
    if (outcome !== 'grace over') return;
    // Handed back for after one ack wait: a run that still ends here before the process does records its outcome, and
    // its redelivery then finds it ended and does not run it again, rather than racing it on another executor.
    for (const message of this.#inFlight.keys()) message.nak(this.config.DISPATCH_ACK_WAIT_MS);
    this.logger.warn({ handed_back: this.#inFlight.size }, 'dispatched runs still under way at shutdown were handed back to the stream');
  }

  async #untilSlotFree(): Promise<void> {
    while (this.#inFlight.size >= this.config.DISPATCH_MAX_IN_FLIGHT && !this.#stopping) {
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
