import { rm } from 'node:fs/promises';
import { createTempDataDir, startNatsCluster, type NatsNode } from '@switchboard/local-infra';
import { testLogger } from './test-logger.js';
import { testNatsUsers, type TestNats } from './test-nats.js';

/** A NATS cluster of the caller's own: its URL lists every node, and its nodes can be killed and started again. */
export interface TestNatsCluster extends TestNats {
  readonly nodes: readonly NatsNode[];
  /** Stops every node and removes their stores. */
  stop(): Promise<void>;
}

/**
 * `size` routed nats-server processes on 127.0.0.1 with JetStream, each with the services' users and the harness's
 * (as {@link startOwnNats} has), for tests that break a node while the platform runs on the others.
 */
export async function startTestNatsCluster(size = 3): Promise<TestNatsCluster> {
  const dataDir = await createTempDataDir('switchboard-nats-cluster-');
  const cluster = await startNatsCluster({ size, dataDir, users: testNatsUsers(), log: testLogger }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: cluster.url,
    credentials: cluster.credentials,
    nodes: cluster.nodes,
    stop: async () => {
      await cluster.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
