import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { UNRESTRICTED, type NatsCredentials, type NatsUserPermissions, type RunningNats } from '@switchboard/local-infra';
import { busInboxPrefix, busUsers } from '@switchboard/contracts';
import type { NatsAccess } from '@switchboard/platform';
import type { ServiceName } from './services.js';

/** The user tests and the harness connect as to drive services from outside: it may publish and subscribe anywhere. */
export const HARNESS_NATS_USER = 'harness';

/** Where the jest global setup hands the workers the shared NATS's credentials (JSON); never passed on to a service. */
export const TEST_NATS_CREDENTIALS_VARIABLE = 'SWITCHBOARD_TEST_NATS_CREDENTIALS';

/** A NATS server tests use, and its users' credentials when we started it (a reused one has its own users). */
export interface TestNats {
  readonly url: string;
  readonly credentials?: Readonly<Record<string, NatsCredentials>>;
}

/** The users a NATS started for tests has: each service's, with the permissions it runs with everywhere, and the harness's. */
export function testNatsUsers(): Record<string, NatsUserPermissions> {
  return { ...busUsers(), [HARNESS_NATS_USER]: UNRESTRICTED };
}

/** The NATS of this jest run (NATS_URL and the credentials the global setup exported). */
export function sharedTestNats(): TestNats {
  const url = process.env.NATS_URL;
  if (!url) throw new Error('NATS_URL is not set: run under the jest global setup');
  const credentials = process.env[TEST_NATS_CREDENTIALS_VARIABLE];
  return { url, credentials: credentials ? (JSON.parse(credentials) as Record<string, NatsCredentials>) : undefined };
}

/** A running server as tests see it. */
export function testNatsOf(server: RunningNats): TestNats {
  return { url: server.url, credentials: server.credentials };
}

/** How the harness connects to a test NATS (the jest run's by default): as its unrestricted user, when it has users. */
export function harnessNatsAccess(nats: TestNats = sharedTestNats()): NatsAccess {
  const credentials = nats.credentials?.[HARNESS_NATS_USER];
  return { url: nats.url, user: credentials?.user, password: credentials?.password };
}

/** How a service connects to a test NATS: as its own user, with its own inbox, as it does when it runs. */
export function natsAccessAs(nats: TestNats, service: ServiceName): NatsAccess {
  const credentials = nats.credentials?.[service];
  return { url: nats.url, user: credentials?.user, password: credentials?.password, inboxPrefix: busInboxPrefix(service) };
}

/** Connects to a test NATS (the jest run's by default) as the harness, with `options` over the defaults. */
export function connectAsHarness(nats: TestNats = sharedTestNats(), options: ConnectionOptions = {}): Promise<NatsConnection> {
  const access = harnessNatsAccess(nats);
  // A cluster's URL is its nodes' URLs, comma-separated, as NATS_URL takes it.
  return connect({ servers: access.url.split(','), user: access.user, pass: access.password, name: 'switchboard-test-harness', ...options });
}
