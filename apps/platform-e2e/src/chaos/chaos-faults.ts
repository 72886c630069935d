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
    name: 'kill -9 one NATS node',
    async inject(platform) {
      // Not the first node: the one most clients were told of first is the likeliest to lead.
      const node = platform.cluster.nodes[1];
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
