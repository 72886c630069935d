import { jetstreamManager } from '@nats-io/jetstream';
import { waitUntil } from '@switchboard/local-infra';
import { connectAsHarness } from './test-nats.js';
import { startTestNatsCluster, type TestNatsCluster } from './test-nats-cluster.js';

describe('startTestNatsCluster', () => {
  let cluster: TestNatsCluster;

  beforeAll(async () => {
    cluster = await startTestNatsCluster(3);
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('keeps a stream of three replicas, and its messages, through the loss of one node, which then starts again', async () => {
    const connection = await connectAsHarness(cluster);
    try {
      const manager = await jetstreamManager(connection);
      await manager.streams.add({ name: 'PROBE', subjects: ['probe.>'], num_replicas: 3 });
      const js = manager.jetstream();
      // While the client reconnects to another node and, if the lost one led, a new leader is elected, requests time out.
      const messagesKept = async (count: number): Promise<boolean> => (await manager.streams.info('PROBE').catch(() => undefined))?.state.messages === count;
      await js.publish('probe.one', 'kept');

      await cluster.nodes[0].kill();
      expect(cluster.nodes[0].isRunning()).toBe(false);
      await waitUntil(() => messagesKept(1), { what: 'the stream to answer with its message on two nodes', timeoutMs: 30_000, intervalMs: 200 });
      await js.publish('probe.two', 'during');

      await cluster.nodes[0].start();
      expect(cluster.nodes[0].isRunning()).toBe(true);
      await waitUntil(() => messagesKept(2), { what: 'the stream to answer with both messages', timeoutMs: 30_000, intervalMs: 200 });
      expect((await manager.streams.info('PROBE')).config.num_replicas).toBe(3);
    } finally {
      await connection.close();
    }
  }, 90_000);
});
