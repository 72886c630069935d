import type { JsMsg } from '@nats-io/jetstream';

/** What a handler needs of a delivered message; a JetStream `JsMsg` is one. */
export type StreamDelivery = Pick<JsMsg, 'info' | 'seq' | 'json' | 'working' | 'ack' | 'nak' | 'term'>;

// Progress acknowledgements per ack wait: one lost or late still leaves two before JetStream gives up on the work.
const PROGRESS_ACKS_PER_ACK_WAIT = 3;

/**
 * Runs `work` while telling JetStream, three times per ack wait, that this executor is still on the delivery, so
 * slow but live work is never handed to a second executor.
 */
export async function whileWorkingOn<T>(delivery: StreamDelivery, ackWaitMs: number, work: () => Promise<T>): Promise<T> {
  const progress = setInterval(() => delivery.working(), Math.floor(ackWaitMs / PROGRESS_ACKS_PER_ACK_WAIT));
  try {
    return await work();
  } finally {
    clearInterval(progress);
  }
}
