import { randomUUID } from 'node:crypto';
import { runMigrations, serviceDataSourceOptions } from '@switchboard/platform';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import type { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { actionExecutorDatabase } from '../../src/database/action-executor.database.js';
import type { WebhookDeliveryQueue } from '../../src/webhooks/webhook-delivery-queue.js';
import { WebhookDeliverySweeper } from '../../src/webhooks/webhook-delivery-sweeper.js';
import type { WebhookEventEntity } from '../../src/webhooks/webhook-event.entity.js';
import { WebhookEventStore } from '../../src/webhooks/webhook-event.store.js';
import { WebhookTargetStore } from '../../src/webhooks/webhook-target.store.js';
import { WebhooksConfig } from '../../src/webhooks/webhooks.config.js';
import { webhookEventOf } from './webhook-event.fixture.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const event = webhookEventOf;

describe('WebhookEventStore against PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: WebhookEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = serviceDataSourceOptions(database.url, actionExecutorDatabase);
    await runMigrations(options);
    dataSource = await new DataSource(options).initialize();
    store = new WebhookEventStore(dataSource, new WebhookTargetStore(dataSource, new WebhooksConfig()));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const statusOf = async (id: string): Promise<Pick<WebhookEventEntity, 'status' | 'attempts' | 'error_code' | 'body'>> => {
    const [row] = await dataSource.query<Pick<WebhookEventEntity, 'status' | 'attempts' | 'error_code' | 'body'>[]>(
      'SELECT status, attempts, error_code, body FROM action_executor.webhook_events WHERE id = $1',
      [id],
    );
    if (row === undefined) throw new Error(`no event ${id}`);
    return row;
  };

  it('keeps the raw body byte for byte', async () => {
    const bytes = Buffer.from([0x00, 0xff, 0x7b, 0x0a, 0xe2, 0x82]);
    const stored = event({ body: bytes });
    await store.insertAccepted(stored, 7);
    expect((await statusOf(stored.id)).body.equals(bytes)).toBe(true);
  });

  it('stores a sender event id once within the replay window, and again once the window has passed', async () => {
    const first = event();
    expect(await store.insertAccepted(first, 7)).toEqual({ inserted: true });

    expect(await store.insertAccepted(event({ sender_event_id: first.sender_event_id }), 7)).toEqual({ inserted: false, existingId: first.id });
    // The same id from another webhook is another event.
    expect(await store.insertAccepted(event({ sender_event_id: first.sender_event_id, webhook: 'stripe_webhook' }), 7)).toEqual({ inserted: true });
    const later = new Date(first.received_at.getTime() + 8 * DAY_MS);
    expect(await store.insertAccepted(event({ sender_event_id: first.sender_event_id, received_at: later }), 7)).toEqual({ inserted: true });
  });

  it('does not count a refused receipt as accepted: the genuine event after it is stored', async () => {
    const refused = event({ status: 'refused', verification: { scheme: 'github', ok: false, reason: 'signature_invalid' } });
    await store.insertRefused(refused);
    expect(await store.insertAccepted(event({ sender_event_id: refused.sender_event_id }), 7)).toEqual({ inserted: true });
  });

  it('stores two racing receipts of one event once', async () => {
    const senderEventId = `race-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => store.insertAccepted(event({ sender_event_id: senderEventId }), 7)));
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
  });

  it('counts attempts before they are sent and records each with the state it leaves the event in', async () => {
    const queued = event();
    await store.insertAccepted(queued, 7);

    expect(await store.startAttempt('ws_a', queued.id)).toBe(1);
    await store.endAttempt(
      { event_id: queued.id, replay: 0, attempt: 1, started_at: new Date(), duration_ms: 12, http_status: 503, error_code: null, error_message: 'The forward URL answered 503' },
      queued,
      { action: 'retry', delayMs: 5000 },
      { code: null, message: 'The forward URL answered 503' },
    );
    expect(await statusOf(queued.id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(await store.startAttempt('ws_a', queued.id)).toBe(2);
    await store.endAttempt(
      { event_id: queued.id, replay: 0, attempt: 2, started_at: new Date(), duration_ms: 8, http_status: 200, error_code: null, error_message: null },
      queued,
      { action: 'delivered' },
      undefined,
    );

    expect(await statusOf(queued.id)).toMatchObject({ status: 'delivered', attempts: 2 });
    // Delivered is final: a late redelivery finds nothing to send.
    expect(await store.queued('ws_a', queued.id)).toBeUndefined();
    expect(await store.startAttempt('ws_a', queued.id)).toBeUndefined();
    const attempts = await dataSource.query<{ attempt: number; http_status: number }[]>(
      'SELECT attempt, http_status FROM action_executor.webhook_delivery_attempts WHERE event_id = $1 ORDER BY attempt',
      [queued.id],
    );
    expect(attempts).toEqual([
      { attempt: 1, http_status: 503 },
      { attempt: 2, http_status: 200 },
    ]);
  });

  it('sweeps accepted events that never reached the stream into it, once, and leaves the others', async () => {
    const published: string[] = [];
    const queue = { publish: (message: { event_id: string }) => Promise.resolve(void published.push(message.event_id)) } as unknown as WebhookDeliveryQueue;
    const config = Object.assign(new WebhooksConfig(), { WEBHOOK_SWEEP_INTERVAL_MS: 1000 });
    const sweeper = new WebhookDeliverySweeper(store, queue, config, {} as PinoLogger);
    const now = new Date(Date.now() + 60_000);
    const lost = event();
    const enqueued = event();
    const young = event({ received_at: now });
    const pulled = event({ status: 'stored', forward_url: null });
    for (const stored of [lost, enqueued, young, pulled]) await store.insertAccepted(stored, 7);
    await store.markEnqueued(enqueued.id);

    await sweeper.sweep(now);
    const sweptOnce = published.filter((id) => [lost.id, enqueued.id, young.id, pulled.id].includes(id));
    await sweeper.sweep(now);

    expect(sweptOnce).toEqual([lost.id]);
    expect(published.filter((id) => id === lost.id)).toHaveLength(1);
  });
});
