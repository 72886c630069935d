import type { NatsConnection } from '@nats-io/transport-node';
import { type Switchboard } from '@switchboard/sdk';
import {
  connectAsHarness,
  microserviceIsHealthy,
  startFakeThirdPartyApi,
  startPlatform,
  startTcpRelay,
  waitUntil,
  type FakeThirdPartyApi,
  type Platform,
  type TcpRelay,
} from '@switchboard/testing';
import { refusal, switchboardFor } from './switchboard-for.js';

// The executor reaches NATS through a relay the test cuts, so it misses the change events the other services publish
// meanwhile, as it would behind a network partition. Its maximum cache age is an hour: only the flush can save it.
describe('An executor cut off from NATS serves nothing it may have missed a change to', () => {
  let platform: Platform;
  let relay: TcpRelay;
  let health: NatsConnection;
  let before: FakeThirdPartyApi;
  let after: FakeThirdPartyApi;
  let switchboard: Switchboard;

  const run = (app: string, headers: Record<string, string> = {}): ReturnType<Switchboard['actions']['run']> =>
    switchboard.actions.run({ env: 'prd', product: 'shop', app, event: 'read', input: { headers } });
  // No responder for its health subject is the executor being off NATS.
  const executorAnswers = async (expected: boolean): Promise<void> =>
    waitUntil(() => microserviceIsHealthy(health, 'action-executor', 300).then((healthy) => healthy === expected, () => !expected), {
      what: `the executor to be ${expected ? 'back on' : 'off'} NATS`,
      timeoutMs: 20_000,
      intervalMs: 100,
    });

  beforeAll(async () => {
    [before, after] = await Promise.all([startFakeThirdPartyApi(), startFakeThirdPartyApi()]);
    for (const upstream of [before, after]) upstream.route('GET', '/read', () => ({ status: 200, body: { from: upstream === before ? 'before' : 'after' } }));
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    relay = await startTcpRelay(platform.natsUrl);
    await platform.restartService('action-executor', { NATS_URL: relay.url, EXECUTOR_CACHE_MAX_AGE_MS: '3600000' });
    health = await connectAsHarness(platform.nats);
    switchboard = switchboardFor(platform, await platform.createWorkspace('cut-off'));

    await switchboard.app.create({ tag: 'api', envs: [{ slug: 'prd', base_url: before.url, request_type: 'JSON' }], actions: [{ tag: 'read', method: 'GET', path: '/read' }] });
    await switchboard.product.init('shop');
    for (const access_tag of ['payments', 'reports', 'ledger']) {
      await switchboard.product.app.add({ access_tag, app: 'api', envs: [{ slug: 'prd', base_url: before.url, request_type: 'JSON', active: true }] });
    }
    await switchboard.secrets.create({ key: 'DELETED_KEY', value: 'deleted-value' });
    await switchboard.secrets.create({ key: 'SCOPED_KEY', value: 'scoped-value', scope: ['payments', 'reports'] });
    await switchboard.secrets.create({ key: 'ROTATED_KEY', value: 'old-value' });
  });

  afterAll(async () => {
    await health?.close();
    await platform?.stop();
    await relay?.close();
    await Promise.all([before?.stop(), after?.stop()]);
  });

  it('refuses or uses the new definition on the first runs after the reconnect', async () => {
    // Warm: every plan and secret below is now in the executor's caches.
    expect((await run('payments', { 'X-Key': '$Token{DELETED_KEY}' })).status).toBe(200);
    expect((await run('reports', { 'X-Key': '$Token{SCOPED_KEY}' })).status).toBe(200);
    expect((await run('payments', { 'X-Key': '$Token{ROTATED_KEY}' })).status).toBe(200);
    expect((await run('ledger')).body).toEqual({ from: 'before' });

    relay.cut();
    await executorAnswers(false);
    await switchboard.secrets.delete('DELETED_KEY');
    await switchboard.secrets.update('SCOPED_KEY', { scope: ['payments'] });
    await switchboard.secrets.rotate('ROTATED_KEY', 'new-value');
    await switchboard.product.app.update('ledger', { envs: [{ slug: 'prd', base_url: after.url, request_type: 'JSON', active: true }] });
    relay.restore();
    await executorAnswers(true);
    // The executor has a second NATS connection, for its requests to the other services: wait until that one is back too.
    await platform.services['action-executor'].waitForLog('NATS connection back', 20_000);

    const deleted = await refusal(run('payments', { 'X-Key': '$Token{DELETED_KEY}' }));
    expect([deleted.status, deleted.code, deleted.message]).toEqual([404, 'secret_not_found', "Secret 'DELETED_KEY' not found"]);
    const rescoped = await refusal(run('reports', { 'X-Key': '$Token{SCOPED_KEY}' }));
    expect([rescoped.status, rescoped.code, rescoped.message]).toEqual([403, 'secret_not_in_scope', "Secret 'SCOPED_KEY' is not accessible by app 'reports'"]);
    expect((await run('payments', { 'X-Key': '$Token{ROTATED_KEY}' })).status).toBe(200);
    expect(before.received.at(-1)?.headers['x-key']).toBe('new-value');
    expect((await run('ledger')).body).toEqual({ from: 'after' });
  });
});
