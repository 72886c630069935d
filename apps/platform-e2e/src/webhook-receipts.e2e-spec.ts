import { randomBytes, randomUUID } from 'node:crypto';
import type { CreateWebhookInput as CreateWebhookBody, Switchboard } from '@switchboard/sdk';
import {
  githubWebhook,
  shopifyWebhook,
  signedWith,
  standardWebhook,
  startPlatform,
  startProductEndpoint,
  stripeWebhook,
  twilioWebhook,
  waitUntil,
  type ForwardedEvent,
  type Platform,
  type ProductEndpoint,
  type SignedWebhook,
  type WorkspaceCredentials,
} from '@switchboard/testing';
import pg from 'pg';
import { announceBody, switchboardFor } from './switchboard-for.js';

// Small enough that retries, redeliveries and dead letters happen within a test; the executor reads them at start.
const ACK_WAIT_MS = 1500;
const RETRY_SCHEDULE_MS = [100, 200, 300];

describe('Webhook receipts: verified, stored before the 2xx, forwarded signed, retried, never lost', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let client: Switchboard;
  let product: ProductEndpoint;
  const forwardingSecrets = new Map<string, string>();
  const receiveUrls = new Map<string, string>();
  const secrets = {
    stripe: `whsec_${randomBytes(24).toString('hex')}`,
    github: randomBytes(20).toString('hex'),
    twilio: randomBytes(16).toString('hex'),
    shopify: randomBytes(16).toString('hex'),
    standard: `whsec_${randomBytes(32).toString('base64')}`,
  };

  const forwardedTo = (path: string): ForwardedEvent[] => product.to(path);
  const signatureValid = (event: ForwardedEvent | undefined): boolean => event !== undefined && signedWith(forwardingSecrets.get(event.path) ?? 'whsec_', event);

  async function createWebhook(body: CreateWebhookBody): Promise<void> {
    const created = await client.product.webhooks.create(body);
    const [env] = created.envs;
    if (env === undefined) throw new Error(`webhook ${body.tag} has no env`);
    receiveUrls.set(body.tag, env.receive_url);
    forwardingSecrets.set(`/${body.tag}`, (await client.product.webhooks.forwardingSecret(body.tag)).secret);
  }

  const post = async (signed: SignedWebhook): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const urlOf = (tag: string): string => receiveUrls.get(tag) ?? '';

  async function eventRows(ids: readonly string[]): Promise<{ id: string; status: string; attempts: number; error_code: string | null; error_message: string | null }[]> {
    const database = new pg.Client({ connectionString: platform.databaseUrl });
    await database.connect();
    try {
      const result = await database.query<{ id: string; status: string; attempts: number; error_code: string | null; error_message: string | null }>(
        'SELECT id, status, attempts, error_code, error_message FROM action_executor.webhook_events WHERE id = ANY($1)',
        [ids],
      );
      return result.rows;
    } finally {
      await database.end();
    }
  }

  async function untilEventsAre(ids: readonly string[], status: string, timeoutMs = 30_000): Promise<void> {
    await waitUntil(async () => (await eventRows(ids)).filter((row) => row.status === status).length === ids.length, {
      what: `events ${ids.join(', ')} to be ${status}`,
      timeoutMs,
      intervalMs: 100,
    });
  }

  beforeAll(async () => {
    product = await startProductEndpoint();
    platform = await startPlatform({
      env: {
        SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1',
        WEBHOOK_RETRY_SCHEDULE_MS: RETRY_SCHEDULE_MS.join(','),
        WEBHOOK_DELIVERY_ACK_WAIT_MS: String(ACK_WAIT_MS),
        WEBHOOK_DELIVERY_MAX_IN_FLIGHT: '4',
      },
    });
    credentials = await platform.createWorkspace('webhook-receipts');
    client = switchboardFor(platform, credentials);
    await client.product.init('shop');
    await client.secrets.create({ key: 'STRIPE_WEBHOOK_SECRET', value: secrets.stripe });
    await client.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value: secrets.github });
    await client.secrets.create({ key: 'TWILIO_AUTH_TOKEN', value: secrets.twilio });
    await client.secrets.create({ key: 'SHOPIFY_WEBHOOK_SECRET', value: secrets.shopify });
    await client.secrets.create({ key: 'STANDARD_WEBHOOK_SECRET', value: secrets.standard });
    await client.secrets.create({ key: 'SCOPED_WEBHOOK_SECRET', value: randomBytes(16).toString('hex'), scope: ['stripe-payments'] });
    const hook = (tag: string, scheme: CreateWebhookBody['scheme'], key: string): CreateWebhookBody => ({
      name: tag,
      tag,
      scheme,
      signing_secret: `$Token{${key}}`,
      forward_url: `${product.url}/${tag}`,
    });
    await createWebhook(hook('stripe_events', 'stripe', 'STRIPE_WEBHOOK_SECRET'));
    await createWebhook(hook('github_webhook', 'github', 'GITHUB_WEBHOOK_SECRET'));
    await createWebhook(hook('twilio_status', 'twilio', 'TWILIO_AUTH_TOKEN'));
    await createWebhook(hook('shopify_orders', 'shopify', 'SHOPIFY_WEBHOOK_SECRET'));
    await createWebhook(hook('standard_events', 'standard', 'STANDARD_WEBHOOK_SECRET'));
    await createWebhook(hook('scoped_hook', 'github', 'SCOPED_WEBHOOK_SECRET'));
    await createWebhook(hook('down_target', 'github', 'GITHUB_WEBHOOK_SECRET'));
    await createWebhook(hook('slow_target', 'github', 'GITHUB_WEBHOOK_SECRET'));
    product.answer('/down_target', 503);
    product.answer('/slow_target', 200, 1500);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await product?.close();
  });

  it('forwards a valid event of every scheme exactly once, byte for byte, signed by Switchboard with Standard Webhooks', async () => {
    const senders: [tag: string, signed: SignedWebhook][] = [
      ['stripe_events', stripeWebhook({ url: urlOf('stripe_events'), secrets: [secrets.stripe], body: `{"id":"evt_${randomUUID()}","type":"charge.succeeded"}` })],
      ['github_webhook', githubWebhook({ url: urlOf('github_webhook'), secret: secrets.github, body: '{"zen":"Design for failure.",  "hook_id": 1}' })],
      ['twilio_status', twilioWebhook({ url: urlOf('twilio_status'), authToken: secrets.twilio, params: { MessageSid: 'SM1', MessageStatus: 'delivered', To: '+15005550006' } })],
      ['shopify_orders', shopifyWebhook({ url: urlOf('shopify_orders'), secret: secrets.shopify, body: '{"id":820982911946154508,"total_price":"9.99"}' })],
      ['standard_events', standardWebhook({ url: urlOf('standard_events'), secrets: [secrets.standard], body: '{"type":"invoice.paid"}' })],
    ];
    for (const [tag, signed] of senders) {
      const reply = await post(signed);
      expect({ tag, status: reply.status, duplicate: reply.body.duplicate }).toEqual({ tag, status: 200, duplicate: false });
    }

    await waitUntil(() => Promise.resolve(senders.every(([tag]) => forwardedTo(`/${tag}`).length > 0)), { what: 'every event to be forwarded', timeoutMs: 20_000, intervalMs: 50 });
    for (const [tag, signed] of senders) {
      const [delivery, ...more] = forwardedTo(`/${tag}`);
      expect({ tag, more: more.length, signatureValid: signatureValid(delivery), contentType: delivery?.contentType }).toEqual({
        tag,
        more: 0,
        signatureValid: true,
        contentType: signed.headers['Content-Type'],
      });
      expect(delivery?.body.equals(signed.body)).toBe(true);
    }
    // The webhook-id is the event id the sender's 200 named.
    await untilEventsAre(senders.map(([tag]) => forwardedTo(`/${tag}`)[0]?.webhookId ?? ''), 'delivered');
  });

  it('refuses tampered and stale events with 401s that say nothing more, and forwards neither', async () => {
    const genuine = githubWebhook({ url: urlOf('github_webhook'), secret: secrets.github, body: '{"ref":"refs/heads/main"}' });
    const tampered = await post({ ...genuine, body: Buffer.from('{"ref":"refs/heads/evil"}') });
    const unsigned = await post({ ...genuine, headers: { 'Content-Type': 'application/json', 'X-GitHub-Delivery': randomUUID() } });
    const stale = await post(stripeWebhook({ url: urlOf('stripe_events'), secrets: [secrets.stripe], body: '{"id":"evt_stale"}', timestamp: Math.floor(Date.now() / 1000) - 3600 }));

    expect([tampered.status, tampered.body]).toEqual([401, { code: 'webhook_signature_invalid', message: 'The webhook signature is missing or does not match', details: {} }]);
    expect(unsigned.body).toEqual(tampered.body);
    expect([stale.status, stale.body.code]).toEqual([401, 'webhook_timestamp_stale']);
    expect(product.received.some((request) => request.body.toString().includes('evil') || request.body.toString().includes('evt_stale'))).toBe(false);
  });

  it('acknowledges an event received again with 200 but does not deliver it twice', async () => {
    const deliveryId = randomUUID();
    const event = (): SignedWebhook => githubWebhook({ url: urlOf('github_webhook'), secret: secrets.github, body: `{"replay":"${deliveryId}"}`, deliveryId });
    const first = await post(event());
    const again = await post(event());

    expect([first.status, again.status, again.body]).toEqual([200, 200, { event_id: first.body.event_id, duplicate: true }]);
    await untilEventsAre([String(first.body.event_id)], 'delivered');
    expect(product.received.filter((request) => request.body.toString().includes(deliveryId))).toHaveLength(1);
  });

  it('answers 404 with one message for an unknown receive id, malformed or well-formed', async () => {
    const unknown = await fetch(`${platform.url}/hooks/whk_${'x'.repeat(24)}`, { method: 'POST', body: '{}' });
    const malformed = await fetch(`${platform.url}/hooks/not-an-id`, { method: 'POST', body: '{}' });

    expect([unknown.status, await unknown.json()]).toEqual([404, { code: 'webhook_not_found', message: 'No webhook receives at this URL', details: {} }]);
    expect([malformed.status, await malformed.json()]).toEqual([404, { code: 'webhook_not_found', message: 'No webhook receives at this URL', details: {} }]);
  });

  it('refuses a body over WEBHOOK_BODY_LIMIT_BYTES with 413', async () => {
    const reply = await announceBody(platform, credentials, 'POST', new URL(urlOf('github_webhook')).pathname, 512 * 1024 + 1);

    expect([reply.status, reply.body.code]).toEqual([413, 'payload_too_large']);
  });

  it("answers 401 webhook_secret_unavailable for a secret out of the webhook's scope, with the seed's message in the event record", async () => {
    const reply = await post(githubWebhook({ url: urlOf('scoped_hook'), secret: 'anything', body: '{}' }));

    expect([reply.status, reply.body]).toEqual([401, { code: 'webhook_secret_unavailable', message: 'The webhook cannot verify signatures at the moment', details: {} }]);
    const database = new pg.Client({ connectionString: platform.databaseUrl });
    await database.connect();
    const rows = await database.query<{ status: string; error_code: string; error_message: string }>(
      "SELECT status, error_code, error_message FROM action_executor.webhook_events WHERE webhook = 'scoped_hook'",
    );
    await database.end();
    expect(rows.rows).toEqual([{ status: 'refused', error_code: 'webhook_secret_unavailable', error_message: "Secret 'SCOPED_WEBHOOK_SECRET' is not accessible by app 'scoped_hook'" }]);
    expect(forwardedTo('/scoped_hook')).toHaveLength(0);
  });

  it('retries a target that keeps failing on the schedule, records every attempt, then dead-letters the event', async () => {
    const reply = await post(githubWebhook({ url: urlOf('down_target'), secret: secrets.github, body: '{"down":true}' }));
    const eventId = String(reply.body.event_id);

    await untilEventsAre([eventId], 'dead_lettered');
    const [row] = await eventRows([eventId]);
    expect(row).toMatchObject({ attempts: RETRY_SCHEDULE_MS.length + 1, error_message: 'The forward URL answered 503' });
    expect(forwardedTo('/down_target').filter((request) => request.webhookId === eventId)).toHaveLength(RETRY_SCHEDULE_MS.length + 1);
    const database = new pg.Client({ connectionString: platform.databaseUrl });
    await database.connect();
    const attempts = await database.query<{ attempt: number; http_status: number }>(
      'SELECT attempt, http_status FROM action_executor.webhook_delivery_attempts WHERE event_id = $1 ORDER BY attempt',
      [eventId],
    );
    await database.end();
    expect(attempts.rows).toEqual(RETRY_SCHEDULE_MS.concat(0).map((_wait, index) => ({ attempt: index + 1, http_status: 503 })));
  });

  it('loses no event when the executor is killed mid-delivery: a fresh executor delivers every one', async () => {
    const eventIds: string[] = [];
    for (let index = 0; index < 8; index += 1) {
      const reply = await post(githubWebhook({ url: urlOf('slow_target'), secret: secrets.github, body: `{"kill":${index}}` }));
      expect(reply.status).toBe(200);
      eventIds.push(String(reply.body.event_id));
    }
    // The first deliveries are under way at the product (1.5 s each), four at a time; the others wait in the stream.
    await waitUntil(() => Promise.resolve(forwardedTo('/slow_target').length >= 1), { what: 'the first slow delivery to arrive', timeoutMs: 10_000, intervalMs: 10 });
    const killed = await platform.services['action-executor'].kill();
    expect(killed.signal).toBe('SIGKILL');
    const before = await eventRows(eventIds);
    // The kill must have left deliveries unfinished, or it proves nothing.
    expect(before.filter((row) => row.status === 'queued').length).toBeGreaterThan(0);

    await platform.restartService('action-executor');

    await untilEventsAre(eventIds, 'delivered', 60_000);
    // At least once: every event reached the product, each time with its own webhook-id, so a repeat can be dropped.
    const seen = new Set(forwardedTo('/slow_target').map((request) => request.webhookId));
    for (const eventId of eventIds) expect(seen.has(eventId)).toBe(true);
    expect(forwardedTo('/slow_target').every(signatureValid)).toBe(true);
  }, 120_000);
});
