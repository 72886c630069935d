import { connect, type NatsConnection } from '@nats-io/transport-node';

/** Opens a NATS connection that keeps reconnecting, so a NATS restart does not take a service down. */
export function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
}
