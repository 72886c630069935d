import { Inject, Injectable } from '@nestjs/common';
import { jetstream, jetstreamManager, type Consumer, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, Streams, type DispatchedRunMessage } from '@switchboard/contracts';
import { DomainError, NATS_CONNECTION } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { DispatchConfig } from './dispatch.config.js';
import { ensureDispatchStream } from './dispatch-stream.js';

const STREAM = Streams.ActionsDispatch;

// The dispatch request waits on this inside the gateway's own deadline for it (NATS_REQUEST_TIMEOUT_MS, 5 s by
// default), after the target was loaded: the stream must acknowledge well within what is left.
const PUBLISH_TIMEOUT_MS = 2000;

/** The executor's side of the dispatch stream: sets it up, publishes dispatched runs, and hands out its consumer. */
@Injectable()
export class DispatchQueue {
  readonly #js: JetStreamClient;
  #ready: Promise<void> | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly config: DispatchConfig,
    private readonly logger: PinoLogger,
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

  /** Stores the run in the stream, or throws `service_unavailable` when the stream did not confirm it. */
  async publish(message: DispatchedRunMessage): Promise<void> {
    try {
      // The run id as message id: a publish repeated after a lost acknowledgement is stored once.
      await this.#js.publish(STREAM.runSubject, JSON.stringify(message), { msgID: message.run_id, timeout: PUBLISH_TIMEOUT_MS });
    } catch (error) {
      // The caller learns which service failed; the transport's reason goes to the log.
      this.logger.warn({ err: error, run_id: message.run_id, stream: STREAM.name }, 'dispatch stream did not acknowledge a run');
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The dispatch queue did not accept the run; nothing was queued', { stream: STREAM.name });
    }
  }

  /** The shared durable consumer, for pulling dispatched runs. */
  consumer(): Promise<Consumer> {
    return this.#js.consumers.get(STREAM.name, STREAM.consumer);
  }

  async #setUp(): Promise<void> {
    try {
      await ensureDispatchStream(await jetstreamManager(this.nats), this.config);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The dispatch stream ${STREAM.name} could not be set up on NATS (dispatched runs need JetStream: nats-server -js): ${reason}`, {
        cause: error,
      });
    }
  }
}
