// Requests the bench sends straight to the services over NATS, in the wire format of `@nestjs/microservices`
// (`{pattern, data, id}` out, `{response}` or `{err}` back), for rows the gateway would only slow down.
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects, type ExecutorCacheStatsReply, type Subject } from '@switchboard/contracts';

const REQUEST_TIMEOUT_MS = 10_000;

/** Sends one request and resolves with the service's `response`; throws with its `err` as the message. */
export async function requestService<T>(nats: NatsConnection, subject: Subject, data: object): Promise<T> {
  const reply = await nats.request(subject, JSON.stringify({ pattern: subject, data, id: randomUUID() }), { timeout: REQUEST_TIMEOUT_MS });
  const decoded = JSON.parse(new TextDecoder().decode(reply.data)) as { response?: T; err?: unknown };
  if (decoded.err !== undefined && decoded.err !== null) throw new Error(`${subject} answered ${JSON.stringify(decoded.err).slice(0, 300)}`);
  return decoded.response as T;
}

/** The cache counters of the first executor replica to answer (the bench runs this section with one). */
export function executorCacheStats(nats: NatsConnection): Promise<ExecutorCacheStatsReply> {
  return requestService<ExecutorCacheStatsReply>(nats, Subjects.ExecutorCacheStatsFetch, {});
}
