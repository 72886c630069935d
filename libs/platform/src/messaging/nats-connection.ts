import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';

/** Where a NATS server is and who to connect to it as; no user for a server without authorization. */
export interface NatsAccess {
  /** One URL, or several separated by commas (a cluster). */
  readonly url: string;
  readonly user?: string;
  readonly password?: string;
  /**
   * Where request replies arrive (`_INBOX` when absent). nats-server lets each service subscribe only to its own
   * prefix (busInboxPrefix), so a service connecting with the default would never hear a reply.
   */
  readonly inboxPrefix?: string;
}

/**
 * The options every long-lived connection of ours is opened with: it keeps reconnecting, so a NATS restart does not
 * take a service down. Without `noAsyncTraces` the client builds two Error objects (stack traces included) for every
 * request in case it fails: a profile of the run path put that at 5 % of the gateway's CPU, for stacks our errors never show.
 */
export function natsConnectionOptions(access: NatsAccess, name: string): ConnectionOptions {
  return {
    servers: access.url.split(','),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    noAsyncTraces: true,
    ...(access.user ? { user: access.user, pass: access.password } : {}),
    ...(access.inboxPrefix ? { inboxPrefix: access.inboxPrefix } : {}),
  };
}

/** Opens a NATS connection with {@link natsConnectionOptions}. */
export function connectNats(access: NatsAccess, name: string): Promise<NatsConnection> {
  return connect(natsConnectionOptions(access, name));
}
