import type { NatsConnection } from '@nats-io/transport-node';
import type { HealthReply } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { connectAsHarness, type TestNats } from './test-nats.js';
import { HEALTH_SUBJECTS, type MicroserviceName } from './services.js';

/** Asks a microservice for its health over NATS (Nest wire format); true when it replies `status: 'ok'`. */
export async function microserviceIsHealthy(connection: NatsConnection, service: MicroserviceName, timeoutMs = 1_000): Promise<boolean> {
  const reply = await new NatsRequester(connection, timeoutMs).request<HealthReply>(HEALTH_SUBJECTS[service], {});
  return reply.status === 'ok';
}

/** Tells whether `GET <baseUrl><path>` answers 200 within `timeoutMs`. */
export async function httpAnswersOk(baseUrl: string, path: '/health' | '/ready' | '/health/ready', timeoutMs = 1_000): Promise<boolean> {
  const response = await fetch(new URL(path, baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  return response.status === 200;
}

/** Connects to NATS as the harness for health polling (no reconnects: a test wants to see a dead server). */
export function connectForHealthChecks(nats: TestNats): Promise<NatsConnection> {
  return connectAsHarness(nats, { reconnect: false, name: 'switchboard-test-health' });
}
