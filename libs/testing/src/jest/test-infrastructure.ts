import { rm } from 'node:fs/promises';
import { createTempDataDir, ensureNats, ensurePostgres } from '@switchboard/local-infra';
import type { NatsCredentials } from '@switchboard/local-infra';
import { testLogger } from '../test-logger.js';
import { testNatsUsers } from '../test-nats.js';

/** The NATS and Postgres serving one jest run. */
export interface TestInfrastructure {
  natsUrl: string;
  /** The NATS users' credentials; absent when NATS_URL named a server of its own. */
  natsCredentials?: Record<string, NatsCredentials>;
  databaseUrl: string;
  /** Stops both servers and removes their temp directory. */
  stop(): Promise<void>;
}

/**
 * Reuses NATS_URL / DATABASE_URL when they answer; otherwise starts a throw-away NATS (with the services' users and
 * the harness's) and a Postgres tuned for tests, both on free ports with data in a new temp directory.
 */
export async function startTestInfrastructure(): Promise<TestInfrastructure> {
  const dataDir = await createTempDataDir('switchboard-test-');
  const [nats, postgres] = await Promise.allSettled([
    ensureNats({ url: process.env.NATS_URL, dataDir, ephemeral: true, log: testLogger, users: testNatsUsers() }),
    ensurePostgres({ url: process.env.DATABASE_URL, dataDir, ephemeral: true, log: testLogger }),
  ]);
  const stop = async (): Promise<void> => {
    const started = [nats, postgres].flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    await Promise.all(started.map((server) => server.stop()));
    await rm(dataDir, { recursive: true, force: true });
  };
  if (nats.status === 'rejected' || postgres.status === 'rejected') {
    await stop();
    throw nats.status === 'rejected' ? nats.reason : (postgres as PromiseRejectedResult).reason;
  }
  return { natsUrl: nats.value.url, natsCredentials: nats.value.credentials, databaseUrl: postgres.value.url, stop };
}
