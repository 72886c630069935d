import type { NatsConnection } from '@nats-io/transport-node';

/** A NATS connection dropping or coming back: core NATS messages published in between never arrive. */
export interface ConnectionChange {
  type: 'disconnect' | 'reconnect';
  server: string;
}

/**
 * Calls `onChange` every time the connection drops and every time it is back, so a cache fed by events can empty
 * itself for the events it missed; resolves when the connection closes, at shutdown.
 */
export async function onConnectionChanges(connection: NatsConnection, onChange: (change: ConnectionChange) => void): Promise<void> {
  for await (const status of connection.status()) {
    if (status.type === 'disconnect' || status.type === 'reconnect') onChange({ type: status.type, server: status.server });
  }
}
