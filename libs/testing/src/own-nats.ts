import { rm } from 'node:fs/promises';
import { createTempDataDir, ensureNats, type RunningNats } from '@switchboard/local-infra';
import { testLogger } from './test-logger.js';
import { testNatsUsers } from './test-nats.js';

/**
 * A nats-server of the caller's own, removed with its data on stop. Services started on the run's shared NATS would
 * answer other test files' requests and health checks (queue groups spread them), each from its own database. It has
 * the services' users, with their permissions, and the harness's.
 */
export async function startOwnNats(): Promise<RunningNats> {
  const dataDir = await createTempDataDir('switchboard-nats-');
  const nats = await ensureNats({ dataDir, ephemeral: true, log: testLogger, users: testNatsUsers() });
  const stop = async (): Promise<void> => {
    await nats.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { ...nats, stop };
}
