import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { Streams } from '@switchboard/contracts';
import type { DispatchConfig } from './dispatch.config.js';

const STREAM = Streams.ActionsDispatch;

// nats-server: "stream name already in use with a different configuration".
const STREAM_NAME_IN_USE = 10058;

/**
 * The dispatch stream: file storage, so queued runs survive a NATS restart; work-queue retention, so a run leaves the
 * stream once an executor has acknowledged it and no sooner.
 */
export function dispatchStreamConfig(): Partial<StreamConfig> & { name: string } {
  return {
    name: STREAM.name,
    subjects: [...STREAM.subjects],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    // Publishes carry the run id as their message id: a publish retried within this window is stored once.
    duplicate_window: nanos(2 * 60_000),
  };
}

/**
 * The durable pull consumer every executor replica reads from. Deliveries are not limited: attempts are counted in
 * the run's record (RunRecordStore.startAttempt), so a delivery handed back while the database is down costs none,
 * and a run whose attempts are used up is dead-lettered by the delivery that finds it so.
 */
export function dispatchConsumerConfig(config: DispatchConfig): Partial<ConsumerConfig> {
  return {
    durable_name: STREAM.consumer,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(config.DISPATCH_ACK_WAIT_MS),
    max_deliver: -1,
    deliver_policy: DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
  };
}

/**
 * Creates the stream and its consumer, or brings them to this executor's settings: every replica runs it at start,
 * in any order, so each step is idempotent. Replicas started with different settings leave the last one's in force.
 */
export async function ensureDispatchStream(manager: JetStreamManager, config: DispatchConfig): Promise<void> {
  const stream = dispatchStreamConfig();
  try {
    // Adding a stream that exists with the same configuration succeeds; with another, it is refused and updated.
    await manager.streams.add(stream);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === STREAM_NAME_IN_USE)) throw error;
    await manager.streams.update(stream.name, stream);
  }

  const consumer = dispatchConsumerConfig(config);
  const existing = await manager.consumers.info(STREAM.name, STREAM.consumer).catch((error: unknown) => {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) return undefined;
    throw error;
  });
  if (existing === undefined) {
    await manager.consumers.add(STREAM.name, consumer);
  } else if (existing.config.ack_wait !== consumer.ack_wait || existing.config.max_deliver !== consumer.max_deliver) {
    await manager.consumers.update(STREAM.name, STREAM.consumer, { ack_wait: consumer.ack_wait, max_deliver: consumer.max_deliver });
  }
}
