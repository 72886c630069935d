import { jetstreamManager } from '@nats-io/jetstream';
import { Streams } from '@switchboard/contracts';
import { connectAsHarness, type TestNatsCluster } from '@switchboard/testing';
import type { ChaosPlatform } from './chaos-platform.js';
import type { ChaosUpstream } from './chaos-upstream.js';

/** One thing broken on purpose while the load runs: `inject` breaks it and answers how to mend it. */
export interface Fault {
  readonly name: string;
  inject(platform: ChaosPlatform, upstream: ChaosUpstream): Promise<() => Promise<unknown>>;
}

export const FAULTS: readonly Fault[] = [
  { name: 'none (baseline)', inject: () => Promise.resolve(() => Promise.resolve()) },
  {
    name: 'kill -9 the NATS node leading the dispatch stream',
    async inject(platform) {
      // The hardest node to lose: the stream must elect a new leader before it stores another run.
      const leader = await streamLeader(platform.cluster, Streams.ActionsDispatch.name);
      const node = platform.cluster.nodes.find((candidate) => candidate.name === leader);
      if (node === undefined) throw new Error(`No node of the cluster leads ${Streams.ActionsDispatch.name} (its leader: ${leader ?? 'none'})`);
      await node.kill();
      return () => node.start();
    },
  },
  {
    name: 'kill -9 an executor',
    async inject(platform) {
      const executor = platform.executors[0];
      await executor.kill();
      return () => platform.restart(executor);
    },
  },
  {
    name: 'PostgreSQL restart (connections dropped, refused meanwhile)',
    inject(platform) {
      platform.postgres.cut();
      return Promise.resolve(() => Promise.resolve(platform.postgres.restore()));
    },
  },
  {
    name: 'secrets-vault stopped',
    async inject(platform) {
      const vault = platform.singles['secrets-vault'];
      await vault.stop();
      return () => platform.restart(vault);
    },
  },
  {
    name: 'upstream flapping (1/3 503, 1/3 past the timeout)',
    inject(_platform, upstream) {
      upstream.mode = 'flapping';
      return Promise.resolve(() => Promise.resolve((upstream.mode = 'steady')));
    },
  },
];

/** The name of the node that leads `stream` now. */
async function streamLeader(cluster: TestNatsCluster, stream: string): Promise<string | undefined> {
  const connection = await connectAsHarness(cluster);
  try {
    return (await (await jetstreamManager(connection)).streams.info(stream)).cluster?.leader;
  } finally {
    await connection.close();
  }
}
