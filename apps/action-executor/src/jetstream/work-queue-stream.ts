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

/** A stream of durable work and the one durable consumer every executor replica pulls it from. */
export interface WorkQueue {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly consumer: string;
}

// nats-server: "stream name already in use with a different configuration".
const STREAM_NAME_IN_USE = 10058;

/**
 * File storage, so queued work survives a NATS restart; work-queue retention, so a message leaves the stream once an
 * executor has acknowledged it and no sooner.
 */
export function workQueueStreamConfig(queue: WorkQueue, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: queue.name,
    subjects: [...queue.subjects],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    num_replicas: replicas,
    // Publishes carry the work's id as their message id: a publish retried within this window is stored once.
    duplicate_window: nanos(2 * 60_000),
  };
}

/**
 * The durable pull consumer. Deliveries are not limited: attempts are counted in the work's own database row, so a
 * delivery handed back while the database is down costs none, and the delivery that finds the attempts used up
 * dead-letters the work.
 */
export function workQueueConsumerConfig(queue: WorkQueue, ackWaitMs: number): Partial<ConsumerConfig> {
  return {
    durable_name: queue.consumer,
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(ackWaitMs),
    max_deliver: -1,
    deliver_policy: DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
  };
}

/**
 * Creates the stream and its consumer, or brings them to this executor's settings: every replica runs it at start,
 * in any order, so each step is idempotent. Replicas started with different settings leave the last one's in force,
 * except for the stream's copies, which are only ever raised: one executor started without JETSTREAM_REPLICAS in a
 * rolling deploy must not take a cluster's streams back to a single node.
 */
export async function ensureWorkQueue(manager: JetStreamManager, queue: WorkQueue, ackWaitMs: number, replicas: number): Promise<void> {
  const stream = workQueueStreamConfig(queue, replicas);
  try {
    // Adding a stream that exists with the same configuration succeeds; with another, it is refused and updated.
    await manager.streams.add(stream);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === STREAM_NAME_IN_USE)) throw error;
    const current = (await manager.streams.info(stream.name)).config.num_replicas ?? 1;
    await manager.streams.update(stream.name, { ...stream, num_replicas: Math.max(current, replicas) });
  }

  const consumer = workQueueConsumerConfig(queue, ackWaitMs);
  const existing = await manager.consumers.info(queue.name, queue.consumer).catch((error: unknown) => {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound) return undefined;
    throw error;
  });
  if (existing === undefined) {
    await manager.consumers.add(queue.name, consumer);
  } else if (existing.config.ack_wait !== consumer.ack_wait || existing.config.max_deliver !== consumer.max_deliver) {
    await manager.consumers.update(queue.name, queue.consumer, { ack_wait: consumer.ack_wait, max_deliver: consumer.max_deliver });
  }
}
