import { randomBytes } from 'node:crypto';
import { Switchboard } from '@switchboard/sdk';
import { startProductEndpoint, type ProductEndpoint } from '@switchboard/testing';
import { FAULTS } from './chaos-faults.js';
import { runLoad, type ChaosTenant, type LoadMix } from './chaos-load.js';
import { startChaosPlatform, type ChaosPlatform, type ChaosTopology } from './chaos-platform.js';
import { percentile, renderChaosTable, type FaultRow } from './chaos-report.js';
import { residentMiB, settle } from './chaos-settle.js';
import { startChaosUpstream, type ChaosUpstream } from './chaos-upstream.js';

interface ChaosShape extends ChaosTopology {
  tenants: number;
  mix: LoadMix;
  /** Load per fault; the fault starts `faultAfterMs` into it and is mended `faultMs` later. */
  phaseMs: number;
  faultAfterMs: number;
  faultMs: number;
}

// `npm run chaos` (CHAOS=full) is the long run with its table; `npm test` runs the same faults briefly.
const FULL = process.env.CHAOS === 'full';
const SHAPE: ChaosShape = FULL
  ? { gateways: 2, executors: 3, tenants: 3, mix: { run: 6, dispatch: 4, webhook: 4 }, phaseMs: 30_000, faultAfterMs: 5_000, faultMs: 10_000 }
  : { gateways: 2, executors: 2, tenants: 2, mix: { run: 2, dispatch: 2, webhook: 2 }, phaseMs: 6_000, faultAfterMs: 1_000, faultMs: 3_000 };
const SETTLE_MS = FULL ? 120_000 : 60_000;

describe(`Under load on a NATS cluster of three, ${SHAPE.gateways} gateways and ${SHAPE.executors} executors, each fault loses nothing accepted`, () => {
  let platform: ChaosPlatform;
  let upstream: ChaosUpstream;
  let endpoint: ProductEndpoint;
  const tenants: ChaosTenant[] = [];
  const rows: FaultRow[] = [];

  beforeAll(async () => {
    const keys = Array.from({ length: SHAPE.tenants }, () => `sk_live_${randomBytes(12).toString('hex')}`);
    [upstream, endpoint, platform] = await Promise.all([startChaosUpstream(keys), startProductEndpoint(), startChaosPlatform(SHAPE)]);
    for (const [index, key] of keys.entries()) {
      const name = `chaos-${index + 1}`;
      const credentials = await platform.createWorkspace(name);
      const clients = platform.gateways.map((gateway) => new Switchboard({ ...credentials, url: gateway.url, timeout_ms: 15_000 }));
      const client = clients[0];
      await client.app.create({
        tag: 'ledger-api',
        envs: [{ slug: 'prd', base_url: upstream.url, request_type: 'JSON' }],
        actions: [{ tag: 'post-entry', method: 'POST', path: '/entries' }],
      });
      await client.product.init('shop');
      await client.product.app.add({ access_tag: 'ledger', app: 'ledger-api', envs: [{ slug: 'prd', active: true }] });
      await client.secrets.create({ key: 'LEDGER_KEY', value: key, scope: ['ledger'] });
      const webhookSecret = randomBytes(20).toString('hex');
      await client.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value: webhookSecret });
      const webhook = await client.product.webhooks.create({
        name: 'Payments',
        tag: 'payments',
        scheme: 'github',
        signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
        forward_url: `${endpoint.url}/${name}`,
      });
      const receiveUrl = webhook.envs.find((env) => env.env === 'prd')?.receive_url ?? '';
      tenants.push({ name, clients, receivePath: new URL(receiveUrl).pathname, webhookSecret });
    }
  }, 240_000);

  afterAll(async () => {
    if (rows.length) process.stdout.write(`\n${renderChaosTable(`Chaos: ${FULL ? 'full' : 'short'} run, ${JSON.stringify(SHAPE)}`, rows)}\n`);
    await platform?.stop();
    await Promise.all([upstream?.stop(), endpoint?.close()]);
  });

  for (const fault of FAULTS) {
    it(`${fault.name}: every accepted dispatch ends once, every accepted webhook is forwarded, nothing left half-written, no call without credentials, every error clear`, async () => {
      const uncredentialedBefore = upstream.uncredentialed();
      const errorLinesBefore = new Set(platform.errorLogs());
      const gatewayUrls = platform.gateways.map((gateway) => gateway.url ?? '');
      const loading = runLoad(tenants, SHAPE.mix, SHAPE.phaseMs, gatewayUrls);
      await new Promise((resolve) => setTimeout(resolve, SHAPE.faultAfterMs));
      const mend = await fault.inject(platform, upstream);
      await new Promise((resolve) => setTimeout(resolve, SHAPE.faultMs));
      await mend();
      const load = await loading;
      const settled = await settle(load, { databaseUrl: platform.databaseUrl, upstream, endpoint, timeoutMs: SETTLE_MS });
      const memory = await Promise.all(platform.executors.map((executor) => residentMiB(executor.pid)));
      const row: FaultRow = {
        fault: fault.name,
        requestsPerSecond: load.latenciesMs.length / (load.elapsedMs / 1000),
        p99Ms: percentile(load.latenciesMs, 99),
        answers: load.latenciesMs.length,
        errors: load.errors,
        unclear: load.unclear,
        dispatched: load.dispatched.size,
        received: load.received.size,
        lost: settled.lost.length,
        duplicateRuns: settled.duplicateRuns,
        failedRuns: settled.failedRuns,
        repeatedCalls: settled.repeatedCalls,
        uncredentialed: upstream.uncredentialed() - uncredentialedBefore,
        executorMiB: Math.max(...memory),
      };
      rows.push(row);

      expect(settled.lost).toEqual([]);
      expect(settled.unfinished).toEqual([]);
      // An unclear answer is a 500 (or none): the services' error lines say where it came from.
      const unclear = row.unclear === 0 ? [] : platform.errorLogs().filter((line) => !errorLinesBefore.has(line)).slice(0, 5);
      expect({ duplicateRuns: row.duplicateRuns, uncredentialed: row.uncredentialed, unclear: row.unclear, errorLines: unclear }).toEqual({
        duplicateRuns: 0,
        uncredentialed: 0,
        unclear: 0,
        errorLines: [],
      });
      // The load went on through the fault: work was accepted in this phase, not only before it.
      expect(row.dispatched).toBeGreaterThan(0);
      expect(row.received).toBeGreaterThan(0);
    }, SHAPE.phaseMs + SETTLE_MS + 120_000);
  }

});
