import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SwitchboardError, type SecretAuditEntry, type Switchboard } from '@switchboard/sdk';
import { rejectionOf, startFakeStripe, startPlatform, waitUntil, type FakeThirdPartyApi, type Platform } from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

// Within OUTBOUND_MAX_RESPONSE_BYTES, but every `"` is escaped in the reply's JSON: twice NATS's 1 MiB max_payload.
const QUOTES = '"'.repeat(600 * 1024);

describe('Outbound limits: a reply too large for NATS, and the secret uses of calls never sent', () => {
  const secretValue = `sk_live_limits_${randomBytes(8).toString('hex')}`;
  let platform: Platform;
  let stripe: FakeThirdPartyApi;
  let quotes: Server;
  let switchboard: Switchboard;

  const run = (app: string) =>
    switchboard.actions.run({ env: 'prd', product: 'limits', app, event: 'call', input: { headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' } } });

  async function usesOfRun(runId: string): Promise<SecretAuditEntry[]> {
    return (await switchboard.secrets.audit({ key: 'STRIPE_KEY' })).filter((entry) => entry.action === 'use' && entry.run_id === runId);
  }

  beforeAll(async () => {
    stripe = await startFakeStripe([secretValue]);
    quotes = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(QUOTES));
    await new Promise<void>((resolve) => quotes.listen(0, '127.0.0.1', resolve));
    // A short gateway timeout, so that a reply lost on the way fails this spec fast instead of after 70 s.
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1', NATS_REQUEST_TIMEOUT_MS: '8000' } });
    switchboard = switchboardFor(platform, await platform.createWorkspace('limits'));
    const apps = { stripe: stripe.url, quotes: `http://127.0.0.1:${(quotes.address() as AddressInfo).port}`, intranet: 'http://10.255.255.1' };
    await switchboard.product.init('limits');
    for (const [tag, baseUrl] of Object.entries(apps)) {
      await switchboard.app.create({ tag, envs: [{ slug: 'prd', base_url: baseUrl, request_type: 'JSON' }], actions: [{ tag: 'call', method: 'GET', path: '/v1/charges' }] });
      await switchboard.product.app.add({ access_tag: tag, app: tag, envs: [{ slug: 'prd', active: true }] });
    }
    await switchboard.secrets.create({ key: 'STRIPE_KEY', value: secretValue });
  });

  afterAll(async () => {
    await platform?.stop();
    await stripe?.stop();
    await new Promise((resolve) => quotes?.close(resolve));
  });

  it('answers a run whose reply NATS cannot carry with 502 upstream_response_too_large, and records it failed', async () => {
    const refused = await rejectionOf(run('quotes'), SwitchboardError);
    expect([refused.status, refused.code]).toEqual([502, 'upstream_response_too_large']);
    expect(refused.message).toContain('more than the 1048576 bytes a NATS message may carry');

    let records: Awaited<ReturnType<typeof switchboard.actions.runs.list>> = [];
    await waitUntil(async () => (records = await switchboard.actions.runs.list({ app: 'quotes' })).length === 1, { what: 'the run record', timeoutMs: 10_000, intervalMs: 50 });
    expect(records[0]).toMatchObject({ status: 'failed', error_code: 'upstream_response_too_large' });
  });

  it('records a use of the secrets of a sent call, and none for a run the address policy refused', async () => {
    const refused = await rejectionOf(run('intranet'), SwitchboardError);
    expect([refused.status, refused.code]).toEqual([403, 'outbound_address_refused']);
    const sent = await run('stripe');
    expect(stripe.received.at(-1)?.headers.authorization).toBe(`Bearer ${secretValue}`);

    await waitUntil(async () => (await usesOfRun(sent.run_id)).length === 1, { what: "the sent run's use", timeoutMs: 10_000, intervalMs: 50 });
    // Uses are recorded in order: the earlier refused run's would be there by now, had it been reported.
    let refusedRuns: Awaited<ReturnType<typeof switchboard.actions.runs.list>> = [];
    await waitUntil(async () => (refusedRuns = await switchboard.actions.runs.list({ app: 'intranet' })).length === 1, { what: 'the refused run', timeoutMs: 10_000, intervalMs: 50 });
    expect(refusedRuns[0]).toMatchObject({ status: 'failed', error_code: 'outbound_address_refused', secret_versions: { STRIPE_KEY: 1 } });
    expect(await usesOfRun(refusedRuns[0]?.run_id ?? '')).toEqual([]);
  });
});
