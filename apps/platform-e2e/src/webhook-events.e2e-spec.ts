import { randomBytes, randomUUID } from 'node:crypto';
import type { Switchboard, WebhookEvent, WebhookEventSummary } from '@switchboard/sdk';
import { githubWebhook, startPlatform, startProductEndpoint, waitUntil, type Platform, type ProductEndpoint, type SignedWebhook, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, switchboardFor } from './switchboard-for.js';

// Short enough that an event dead-letters within a test: three attempts, 100 ms and 200 ms apart.
const RETRY_SCHEDULE_MS = [100, 200];
const ATTEMPTS_PER_ROUND = RETRY_SCHEDULE_MS.length + 1;

describe('Webhook events: listed, fetched, pulled, replayed one by one and in bulk', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let client: Switchboard;
  let product: ProductEndpoint;
  const secret = randomBytes(20).toString('hex');
  // Receive URLs by webhook tag and env.
  const receiveUrls = new Map<string, string>();

  async function createWebhook(tag: string, forward: boolean): Promise<void> {
    const created = await client.product.webhooks.create({
      name: tag,
      tag,
      scheme: 'github',
      signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
      ...(forward ? { forward_url: `${product.url}/${tag}` } : {}),
    });
    for (const env of created.envs) receiveUrls.set(`${tag}/${env.env}`, env.receive_url);
  }

  /** Posts a GitHub event to the webhook's receive URL in `env`; answers the event id. */
  async function send(tag: string, body: string | Buffer, env = 'prd'): Promise<string> {
    const signed = githubWebhook({ url: receiveUrls.get(`${tag}/${env}`) ?? '', secret, body });
    const reply = await post(signed);
    expect(reply.status).toBe(200);
    return String(reply.body.event_id);
  }

  async function post(signed: SignedWebhook): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** A receipt whose signature does not match: refused with 401, and recorded. */
  async function sendTampered(tag: string): Promise<void> {
    const signed = githubWebhook({ url: receiveUrls.get(`${tag}/prd`) ?? '', secret, body: '{"ref":"refs/heads/main"}' });
    expect((await post({ ...signed, body: Buffer.from('{"ref":"refs/heads/evil"}') })).status).toBe(401);
  }

  async function eventOnce(tag: string, eventId: string, done: (event: WebhookEvent) => boolean, what: string): Promise<WebhookEvent> {
    let latest: WebhookEvent | undefined;
    await waitUntil(
      async () => {
        latest = await client.product.webhooks.events.fetch(tag, eventId);
        return done(latest);
      },
      { what, timeoutMs: 20_000, intervalMs: 50 },
    );
    if (latest === undefined) throw new Error(`${eventId} was never fetched`);
    return latest;
  }

  beforeAll(async () => {
    product = await startProductEndpoint();
    platform = await startPlatform({
      env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1', WEBHOOK_RETRY_SCHEDULE_MS: RETRY_SCHEDULE_MS.join(','), WEBHOOK_DELIVERY_ACK_WAIT_MS: '1500' },
    });
    credentials = await platform.createWorkspace('webhook-events');
    client = switchboardFor(platform, credentials);
    await client.product.init('shop');
    await client.secrets.create({ key: 'GITHUB_WEBHOOK_SECRET', value: secret });
    await createWebhook('listed', false);
    await createWebhook('pulled', false);
    await createWebhook('forwarded', true);
    await createWebhook('recovering', true);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await product?.close();
  });

  it('lists events newest first with their verification, filters them, and pages through each once with before', async () => {
    const sent: string[] = [];
    for (let index = 0; index < 4; index += 1) sent.push(await send('listed', `{"n":${index}}`));
    sent.push(await send('listed', '{"n":"dev"}', 'dev'));
    await sendTampered('listed');

    const all = await client.product.webhooks.events.list('listed');
    expect(all).toHaveLength(6);
    expect(all.slice(1).map((event) => event.event_id)).toEqual([...sent].reverse());
    const [refused] = all;
    expect(refused).toMatchObject({
      status: 'refused',
      env: 'prd',
      verification: { scheme: 'github', ok: false, reason: 'signature_invalid' },
      error_code: 'webhook_signature_invalid',
      attempts: 0,
      replays: 0,
    });
    expect(all[1]).toMatchObject({ status: 'stored', env: 'dev', verification: { scheme: 'github', ok: true, reason: null }, error_code: null, delivered_at: null });
    expect(all.every((event) => !('body' in event) && !('headers' in event))).toBe(true);

    const ids = (events: WebhookEventSummary[]): string[] => events.map((event) => event.event_id);
    expect(ids(await client.product.webhooks.events.list('listed', { status: 'refused' }))).toEqual([refused?.event_id]);
    expect(ids(await client.product.webhooks.events.list('listed', { env: 'dev' }))).toEqual([sent[4]]);
    expect(ids(await client.product.webhooks.events.list('listed', { status: 'stored', env: 'prd' }))).toEqual(sent.slice(0, 4).reverse());
    expect(ids(await client.product.webhooks.events.list('listed', { after: all[3]?.received_at, before: all[0]?.received_at }))).toEqual(ids(all.slice(1, 3)));

    const paged: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await client.product.webhooks.events.list('listed', { limit: 4, ...(before === undefined ? {} : { before }) });
      paged.push(...ids(page));
      before = page.at(-1)?.received_at;
      if (page.length < 4) break;
    }
    expect(paged).toEqual(ids(all));
  });

  it('fetches an event with its headers, its body as text or as base64, and its attempts', async () => {
    const text = await send('listed', '{"zen":"Half measures are as bad as nothing at all."}');
    const binary = await send('listed', Buffer.from([0x00, 0xff, 0xfe, 0x7b]));

    const event = await client.product.webhooks.events.fetch('listed', text);
    expect(event).toMatchObject({
      event_id: text,
      status: 'stored',
      body: '{"zen":"Half measures are as bad as nothing at all."}',
      body_encoding: 'utf8',
      forward_url: null,
      delivery_attempts: [],
      attempts_recorded: 0,
    });
    expect(event.headers).toMatchObject({ 'content-type': 'application/json', 'x-github-event': 'push' });
    expect(event.sender_event_id).toBe(event.headers['x-github-delivery']);
    expect(await client.product.webhooks.events.fetch('listed', binary)).toMatchObject({ body: 'AP/+ew==', body_encoding: 'base64' });
  });

  it('pulls events oldest first by sequence, resuming from the last one read without missing or repeating any', async () => {
    const sent: string[] = [];
    for (let index = 0; index < 5; index += 1) sent.push(await send('pulled', `{"pull":${index}}`));

    const pullAll = async (from: number): Promise<{ ids: string[]; last: number }> => {
      const ids: string[] = [];
      let last = from;
      for (;;) {
        const page = await client.product.webhooks.events.list('pulled', { after_sequence: last, limit: 2 });
        ids.push(...page.map((event) => event.event_id));
        last = page.at(-1)?.sequence ?? last;
        if (page.length < 2) return { ids, last };
      }
    };
    const first = await pullAll(0);
    expect(first.ids).toEqual(sent);

    const later = [await send('pulled', '{"pull":"later"}'), await send('pulled', '{"pull":"later too"}')];
    expect((await pullAll(first.last)).ids).toEqual(later);
  });

  it('replays a delivered event exactly once more, with the same webhook-id, its attempts counted afresh beside the first', async () => {
    const eventId = await send('forwarded', `{"replay":"${randomUUID()}"}`);
    await eventOnce('forwarded', eventId, (event) => event.status === 'delivered', 'the event to be delivered');

    const replayed = await client.product.webhooks.events.replay('forwarded', eventId);
    expect(replayed).toMatchObject({ event_id: eventId, status: 'queued', replays: 1, attempts: 0, delivered_at: null });
    const event = await eventOnce('forwarded', eventId, (current) => current.status === 'delivered', 'the replay to be delivered');

    expect(product.withWebhookId(eventId)).toHaveLength(2);
    expect(new Set(product.withWebhookId(eventId).map((request) => request.body.toString())).size).toBe(1);
    expect(event).toMatchObject({ attempts: 1, replays: 1, attempts_recorded: 2 });
    expect(event.delivery_attempts.map(({ replay, attempt, http_status, error_code }) => ({ replay, attempt, http_status, error_code }))).toEqual([
      { replay: 0, attempt: 1, http_status: 204, error_code: null },
      { replay: 1, attempt: 1, http_status: 204, error_code: null },
    ]);
  });

  it('refuses to replay a refused receipt, and any event of a webhook without a forward URL, with 409s that say why', async () => {
    await sendTampered('forwarded');
    const [refused] = await client.product.webhooks.events.list('forwarded', { status: 'refused' });
    const pulledEvent = await send('pulled', '{"never":"forwarded"}');

    await expect(client.product.webhooks.events.replay('forwarded', refused?.event_id ?? '')).rejects.toMatchObject({
      status: 409,
      code: 'webhook_event_not_replayable',
      message: `Event '${refused?.event_id}' cannot be replayed: it was refused at receipt (its signature, timestamp or signing secret failed), and a refused receipt is never delivered`,
    });
    for (const attempt of [() => client.product.webhooks.events.replay('pulled', pulledEvent), () => client.product.webhooks.events.replayAll('pulled', { status: 'stored' })]) {
      await expect(attempt()).rejects.toMatchObject({ status: 409, code: 'webhook_forward_url_missing' });
    }
    expect(await client.product.webhooks.events.fetch('forwarded', refused?.event_id ?? '')).toMatchObject({ status: 'refused', replays: 0 });
  });

  it('recovers dead-lettered events in bulk once the target is back, each delivered once more with its own webhook-id', async () => {
    product.answer('/recovering', 503);
    const sent = [await send('recovering', '{"lost":1}'), await send('recovering', '{"lost":2}'), await send('recovering', '{"lost":3}')];
    await waitUntil(async () => (await client.product.webhooks.events.list('recovering', { status: 'dead_lettered' })).length === sent.length, {
      what: 'the events to be dead-lettered',
      timeoutMs: 20_000,
      intervalMs: 50,
    });
    product.answer('/recovering', 204);

    expect(await client.product.webhooks.events.replayAll('recovering')).toEqual({ replayed: 3, more: false });
    await waitUntil(async () => (await client.product.webhooks.events.list('recovering', { status: 'delivered' })).length === sent.length, {
      what: 'the replayed events to be delivered',
      timeoutMs: 20_000,
      intervalMs: 50,
    });

    for (const eventId of sent) {
      expect(product.withWebhookId(eventId)).toHaveLength(ATTEMPTS_PER_ROUND + 1);
      const event = await client.product.webhooks.events.fetch('recovering', eventId);
      expect(event.delivery_attempts.map(({ replay, http_status }) => `${replay}:${http_status}`)).toEqual([...Array<string>(ATTEMPTS_PER_ROUND).fill('0:503'), '1:204']);
    }
    // Nothing is dead-lettered any more: a second recovery finds nothing.
    expect(await client.product.webhooks.events.replayAll('recovering')).toEqual({ replayed: 0, more: false });
  });

  it("answers 404 webhook_not_found for a tag the product does not have, and 404 webhook_event_not_found for an event not the webhook's", async () => {
    const eventId = await send('listed', '{"whose":"listed"}');
    await client.product.init('other');
    await client.product.webhooks.create({ name: 'Other', tag: 'only_other', signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}' });
    await client.product.init('shop');
    const stranger = switchboardFor(platform, await platform.createWorkspace('webhook-events-stranger'));
    await stranger.product.init('shop');

    const refusals = [
      [() => client.product.webhooks.events.list('nope'), 'webhook_not_found'],
      [() => client.product.webhooks.events.list('only_other'), 'webhook_not_found'],
      [() => stranger.product.webhooks.events.list('listed'), 'webhook_not_found'],
      [() => stranger.product.webhooks.events.fetch('listed', eventId), 'webhook_not_found'],
      [() => client.product.webhooks.events.fetch('pulled', eventId), 'webhook_event_not_found'],
      [() => client.product.webhooks.events.fetch('listed', `wev_${randomUUID()}`), 'webhook_event_not_found'],
      [() => client.product.webhooks.events.fetch('listed', 'not-an-event'), 'webhook_event_not_found'],
      [() => client.product.webhooks.events.replay('forwarded', eventId), 'webhook_event_not_found'],
    ] as const;
    for (const [call, code] of refusals) await expect(call()).rejects.toMatchObject({ status: 404, code });

    const reply = await gatewayRequest(platform, credentials, 'GET', `/v1/products/shop/webhooks/listed/events/wev_${'0'.repeat(8)}`);
    expect([reply.status, reply.body.code]).toEqual([404, 'webhook_event_not_found']);
  });
});
