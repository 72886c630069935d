import { randomBytes } from 'node:crypto';
import type { Switchboard, WebhookEventStatus } from '@switchboard/sdk';
import { githubWebhook, signedWith, startPlatform, startProductEndpoint, waitUntil, type Platform, type ProductEndpoint, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, switchboardFor } from './switchboard-for.js';

// A target is disabled after failing for this long, and retried often enough meanwhile to get there well before its
// attempts (21, 100 ms apart) are used up.
const DISABLE_AFTER_MS = 400;
const RETRY_SCHEDULE_MS = Array<number>(20).fill(100);

describe('Webhook forward targets: forwarding secrets rotated with an overlap, failing targets disabled and enabled again', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let client: Switchboard;
  let product: ProductEndpoint;
  const secret = randomBytes(20).toString('hex');
  const receiveUrls = new Map<string, string>();

  async function createWebhook(tag: string): Promise<void> {
    const created = await client.product.webhooks.create({
      name: tag,
      tag,
      scheme: 'github',
      signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
      forward_url: `${product.url}/${tag}`,
      envs: ['prd'],
    });
    receiveUrls.set(tag, created.envs[0]?.receive_url ?? '');
  }

  async function send(tag: string, body: string): Promise<string> {
    const signed = githubWebhook({ url: receiveUrls.get(tag) ?? '', secret, body });
    const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(response.status).toBe(200);
    return String(((await response.json()) as { event_id: string }).event_id);
  }

  async function statusesOf(tag: string, eventIds: readonly string[]): Promise<WebhookEventStatus[]> {
    return Promise.all(eventIds.map(async (eventId) => (await client.product.webhooks.events.fetch(tag, eventId)).status));
  }

  async function untilAll(tag: string, eventIds: readonly string[], status: WebhookEventStatus): Promise<void> {
    await waitUntil(async () => (await statusesOf(tag, eventIds)).every((current) => current === status), {
      what: `events ${eventIds.join(', ')} to be ${status}`,
      timeoutMs: 20_000,
      intervalMs: 50,
    });
  }

  beforeAll(async () => {
    product = await startProductEndpoint();
    platform = await startPlatform({
      env: {
        SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1',
        WEBHOOK_RETRY_SCHEDULE_MS: RETRY_SCHEDULE_MS.join(','),
        WEBHOOK_TARGET_DISABLE_AFTER_MS: String(DISABLE_AFTER_MS),
        WEBHOOK_DELIVERY_ACK_WAIT_MS: '1500',
      },
    });
    credentials = await platform.createWorkspace('webhook-targets');
    client = switchboardFor(platform, credentials);
    await client.product.init('shop');
    await client.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value: secret });
    await createWebhook('rotated');
    await createWebhook('flaky');
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await product?.close();
  });

  it('signs with the old and the new secret during the overlap, and with the new one only once it has ended', async () => {
    const first = await client.product.webhooks.forwardingSecret('rotated');
    expect(first.secret).toMatch(/^whsec_/);
    expect(first.previous).toBeNull();

    const rotated = await client.product.webhooks.rotateForwardingSecret('rotated', { overlap_seconds: 3600 });
    expect(rotated.secret).not.toBe(first.secret);
    expect(rotated.previous?.secret).toBe(first.secret);
    const expiresIn = Date.parse(rotated.previous?.expires_at ?? '') - Date.parse(rotated.created_at);
    expect(Math.abs(expiresIn - 3_600_000)).toBeLessThan(1000);
    expect(await client.product.webhooks.forwardingSecret('rotated')).toEqual(rotated);

    const during = await send('rotated', '{"during":"overlap"}');
    await untilAll('rotated', [during], 'delivered');
    const [overlapping] = product.withWebhookId(during);
    if (overlapping === undefined) throw new Error('nothing forwarded during the overlap');
    expect(overlapping.signatures).toHaveLength(2);
    expect([signedWith(rotated.secret, overlapping), signedWith(first.secret, overlapping)]).toEqual([true, true]);

    // A second rotation replaces the first's pair: the secret it replaces overlaps for one second, the first is gone.
    const again = await client.product.webhooks.rotateForwardingSecret('rotated', { overlap_seconds: 1 });
    expect(again.previous?.secret).toBe(rotated.secret);
    await waitUntil(async () => (await client.product.webhooks.forwardingSecret('rotated')).previous === null, {
      what: 'the one-second overlap to end',
      timeoutMs: 10_000,
      intervalMs: 100,
    });

    const after = await send('rotated', '{"after":"overlap"}');
    await untilAll('rotated', [after], 'delivered');
    const [single] = product.withWebhookId(after);
    if (single === undefined) throw new Error('nothing forwarded after the overlap');
    expect(single.signatures).toHaveLength(1);
    expect([signedWith(again.secret, single), signedWith(rotated.secret, single), signedWith(first.secret, single)]).toEqual([true, false, false]);
  });

  it('rotates with a day of overlap by default', async () => {
    const rotated = await client.product.webhooks.rotateForwardingSecret('rotated');
    expect(Date.parse(rotated.previous?.expires_at ?? '') - Date.parse(rotated.created_at)).toBeGreaterThan(86_399_000);
  });

  it.each([[-1], [604_801], [1.5], ['60'], [null]])('refuses overlap_seconds %p with a 400 naming the field, rotating nothing', async (overlap) => {
    const before = await client.product.webhooks.forwardingSecret('rotated');
    const reply = await gatewayRequest(platform, credentials, 'POST', '/v1/products/shop/webhooks/rotated/forwarding-secret/rotate', { overlap_seconds: overlap });
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    expect(reply.body.details).toMatchObject({ fields: [{ field: 'overlap_seconds' }] });
    expect(await client.product.webhooks.forwardingSecret('rotated')).toEqual(before);
  });

  it('answers 404 webhook_not_found when rotating or enabling a webhook the product does not have', async () => {
    await expect(client.product.webhooks.rotateForwardingSecret('nope')).rejects.toMatchObject({ status: 404, code: 'webhook_not_found' });
    await expect(client.product.webhooks.enable('nope')).rejects.toMatchObject({ status: 404, code: 'webhook_not_found' });
  });

  it('disables a target failing for too long with its reason, holds new events unattempted, and delivers each once when enabled', async () => {
    expect((await client.product.webhooks.fetch('flaky')).delivery).toEqual({ state: 'healthy', failing_since: null, disabled_at: null, reason: null, held_events: 0 });
    product.answer('/flaky', 503);
    const failing = await send('flaky', '{"n":"first"}');
    await waitUntil(async () => (await client.product.webhooks.fetch('flaky')).delivery.state === 'disabled', {
      what: 'the failing target to be disabled',
      timeoutMs: 20_000,
      intervalMs: 50,
    });
    await untilAll('flaky', [failing], 'held');
    const attemptsBefore = product.withWebhookId(failing).length;
    expect(attemptsBefore).toBeGreaterThan(1);

    const held = [await send('flaky', '{"n":"held 1"}'), await send('flaky', '{"n":"held 2"}')];
    await untilAll('flaky', held, 'held');
    for (const eventId of held) expect(product.withWebhookId(eventId)).toEqual([]);
    const { delivery } = await client.product.webhooks.fetch('flaky');
    expect(delivery).toMatchObject({ state: 'disabled', held_events: 3 });
    expect(Date.parse(delivery.disabled_at ?? '') - Date.parse(delivery.failing_since ?? '')).toBeGreaterThanOrEqual(DISABLE_AFTER_MS);
    expect(delivery.reason).toContain('WEBHOOK_TARGET_DISABLE_AFTER_MS');
    expect(delivery.reason).toContain('The forward URL answered 503');
    expect((await client.product.webhooks.fetchAll()).find((webhook) => webhook.tag === 'flaky')?.delivery).toEqual(delivery);
    await expect(client.product.webhooks.events.replay('flaky', held[0] ?? '')).rejects.toMatchObject({ status: 409, code: 'webhook_event_not_replayable' });

    product.answer('/flaky', 204);
    expect(await client.product.webhooks.enable('flaky')).toEqual({
      delivery: { state: 'healthy', failing_since: null, disabled_at: null, reason: null, held_events: 0 },
      released: 3,
    });
    await untilAll('flaky', [failing, ...held], 'delivered');

    for (const eventId of [failing, ...held]) expect(product.withWebhookId(eventId).filter((request) => request.status === 204)).toHaveLength(1);
    expect(product.withWebhookId(failing)).toHaveLength(attemptsBefore + 1);
    expect((await client.product.webhooks.fetch('flaky')).delivery.state).toBe('healthy');
    // Enabling again finds nothing held.
    expect((await client.product.webhooks.enable('flaky')).released).toBe(0);
  });
});
