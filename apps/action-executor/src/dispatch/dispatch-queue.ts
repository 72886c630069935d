import { Inject, Injectable } from '@nestjs/common';
import type { Consumer } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, Streams, type DispatchedRunMessage } from '@switchboard/contracts';
import { DomainError, NATS_CONNECTION } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { JetStreamConfig } from '../jetstream/jetstream.config.js';
import { WorkQueueClient } from '../jetstream/work-queue-client.js';
import type { PulledQueue } from '../jetstream/stream-puller.js';
import { DispatchConfig } from './dispatch.config.js';

const STREAM = Streams.ActionsDispatch;

// The dispatch request waits on this inside the gateway's own deadline for it (NATS_REQUEST_TIMEOUT_MS, 5 s by
// default), after the target was loaded: the stream must acknowledge well within what is left.
const PUBLISH_TIMEOUT_MS = 2000;

/** The executor's side of the dispatch stream: sets it up, publishes dispatched runs, and hands out its consumer. */
@Injectable()
export class DispatchQueue implements PulledQueue {
  readonly #client: WorkQueueClient;

  constructor(
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    config: DispatchConfig,
    jetstream: JetStreamConfig,
    private readonly logger: PinoLogger,
  ) {
    this.#client = new WorkQueueClient(nats, STREAM, config.DISPATCH_ACK_WAIT_MS, jetstream.JETSTREAM_REPLICAS);
  }

  ensure(options: { again?: boolean } = {}): Promise<void> {
    return this.#client.ensure(options);
  }

  /** Stores the run in the stream, or throws `service_unavailable` when the stream did not confirm it. */
  async publish(message: DispatchedRunMessage): Promise<void> {
    try {
      await this.#client.publish(STREAM.runSubject, message, message.run_id, PUBLISH_TIMEOUT_MS);
    } catch (error) {
      // The caller learns which service failed; the transport's reason goes to the log.
      this.logger.warn({ err: error, run_id: message.run_id, stream: STREAM.name }, 'dispatch stream did not acknowledge a run');
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The dispatch queue did not accept the run; nothing was queued', { stream: STREAM.name });
    }
  }

  /** The shared durable consumer, for pulling dispatched runs. */
  consumer(): Promise<Consumer> {
    return this.#client.consumer();
  }
}
