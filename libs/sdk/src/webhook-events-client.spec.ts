import { FakeGateway } from '../test/fake-gateway.js';
import { optionsFor, productReply } from '../test/fixtures.js';
import { Switchboard, type WebhookEventSummary } from './index.js';

const EVENT_ID = 'wev_0b4c3e4a-8f1e-4d1a-9c55-6f1d2e3a4b5c';
const EVENTS = '/v1/products/shop/webhooks/github_webhook/events';

const summary: WebhookEventSummary = {
  event_id: EVENT_ID,
  sequence: 812,
  env: 'prd',
  status: 'delivered',
  verification: { scheme: 'github', ok: true, reason: null },
  error_code: null,
  error_message: null,
  sender_event_id: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
  received_at: '2026-12-02T07:00:00.123456Z',
  attempts: 1,
  replays: 0,
  delivered_at: '2026-12-02T07:00:00.200Z',
  next_attempt_at: null,
};

describe('switchboard.product.webhooks.events', () => {
  let gateway: FakeGateway;
  let switchboard: Switchboard;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    gateway.on('PUT', '/v1/products/shop', { status: 200, json: productReply('shop') });
    switchboard = new Switchboard(optionsFor(gateway.url));
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it.each([
    ['list', (s: Switchboard) => s.product.webhooks.events.list('github_webhook')],
    ['fetch', (s: Switchboard) => s.product.webhooks.events.fetch('github_webhook', EVENT_ID)],
    ['replay', (s: Switchboard) => s.product.webhooks.events.replay('github_webhook', EVENT_ID)],
    ['replayAll', (s: Switchboard) => s.product.webhooks.events.replayAll('github_webhook')],
  ])('%s without a selected or named product rejects with product_not_selected and sends nothing', async (_name, call) => {
    await expect(call(switchboard)).rejects.toMatchObject({ code: 'product_not_selected' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('list sends the filters given as the query, and nothing else', async () => {
    const paged = `${EVENTS}?status=dead_lettered&env=prd&limit=20&before=2026-12-02T07%3A00%3A00.123456Z`;
    const pulled = `${EVENTS}?limit=100&after_sequence=0`;
    for (const path of [EVENTS, paged, pulled]) gateway.on('GET', path, { status: 200, json: [summary] });
    await switchboard.product.init('shop');

    await expect(switchboard.product.webhooks.events.list('github_webhook')).resolves.toEqual([summary]);
    await switchboard.product.webhooks.events.list('github_webhook', { status: 'dead_lettered', env: 'prd', limit: 20, before: summary.received_at });
    await switchboard.product.webhooks.events.list('github_webhook', { after_sequence: 0, limit: 100 });
    expect(gateway.requests.slice(1).map((request) => request.path)).toEqual([EVENTS, paged, pulled]);
  });

  it('fetch and replay address the event by its id, encoded, on a named product whatever is selected', async () => {
    gateway.on('GET', `/v1/products/other/webhooks/github_webhook/events/${EVENT_ID}`, { status: 200, json: summary });
    gateway.on('POST', `/v1/products/other/webhooks/github_webhook/events/${EVENT_ID}/replay`, { status: 202, json: { ...summary, status: 'queued', replays: 1 } });
    await switchboard.product.init('shop');

    await switchboard.product.webhooks.events.fetch('github_webhook', EVENT_ID, 'other');
    await expect(switchboard.product.webhooks.events.replay('github_webhook', EVENT_ID, 'other')).resolves.toMatchObject({ status: 'queued', replays: 1 });
    expect(gateway.requests.slice(1).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v1/products/other/webhooks/github_webhook/events/${EVENT_ID}`,
      `POST /v1/products/other/webhooks/github_webhook/events/${EVENT_ID}/replay`,
    ]);
    await expect(switchboard.product.webhooks.events.fetch('github_webhook', '..')).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('replayAll posts the filter, an empty one for the dead-lettered default, and answers the count', async () => {
    gateway.on('POST', `${EVENTS}/replay`, { status: 202, json: { replayed: 3, more: false } });
    await switchboard.product.init('shop');

    await expect(switchboard.product.webhooks.events.replayAll('github_webhook')).resolves.toEqual({ replayed: 3, more: false });
    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: `${EVENTS}/replay`, body: {} });
    await switchboard.product.webhooks.events.replayAll('github_webhook', { status: 'delivered', after: '2026-12-01T00:00:00Z' });
    expect(gateway.lastRequest.body).toEqual({ status: 'delivered', after: '2026-12-01T00:00:00Z' });
  });

  it('rejects with the gateway error, its code and message kept', async () => {
    const message = `Webhook 'github_webhook' has no event '${EVENT_ID}'`;
    gateway.on('GET', `${EVENTS}/${EVENT_ID}`, { status: 404, json: { code: 'webhook_event_not_found', message, details: {} } });
    await switchboard.product.init('shop');
    await expect(switchboard.product.webhooks.events.fetch('github_webhook', EVENT_ID)).rejects.toMatchObject({ code: 'webhook_event_not_found', message, status: 404 });
  });
});
