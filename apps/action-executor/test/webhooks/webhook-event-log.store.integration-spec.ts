import { randomUUID } from 'node:crypto';
import { runMigrations, serviceDataSourceOptions } from '@switchboard/platform';
import { createTestDatabase, waitUntil, type TestDatabase } from '@switchboard/testing';
import type { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { actionExecutorDatabase } from '../../src/database/action-executor.database.js';
import { WebhookEventLogStore, type WebhookKey } from '../../src/webhook-events/webhook-event-log.store.js';
import { WebhookEventRetention } from '../../src/webhook-events/webhook-event-retention.js';
import { WebhookEventEntity } from '../../src/webhooks/webhook-event.entity.js';
import { WebhookEventStore } from '../../src/webhooks/webhook-event.store.js';
import { WebhookTargetStore } from '../../src/webhooks/webhook-target.store.js';
import { WebhooksConfig } from '../../src/webhooks/webhooks.config.js';
import { webhookEventOf } from './webhook-event.fixture.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('WebhookEventLogStore against PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let events: WebhookEventStore;
  let log: WebhookEventLogStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = serviceDataSourceOptions(database.url, actionExecutorDatabase);
    await runMigrations(options);
    dataSource = await new DataSource(options).initialize();
    events = new WebhookEventStore(dataSource, new WebhookTargetStore(dataSource, new WebhooksConfig()));
    log = new WebhookEventLogStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  // Each test its own webhook, so their events never mix.
  const webhookKey = (): WebhookKey => ({ workspaceId: 'ws_a', product: 'shop', webhook: `hook_${randomUUID().slice(0, 8)}` });

  const event = (key: WebhookKey, overrides: Partial<WebhookEventEntity> = {}): WebhookEventEntity =>
    webhookEventOf({ workspace_id: key.workspaceId, product: key.product, webhook: key.webhook, status: 'delivered', ...overrides });

  const attemptsOf = async (id: string): Promise<number> => {
    const [row] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM action_executor.webhook_delivery_attempts WHERE event_id = $1', [id]);
    return row?.count ?? 0;
  };
  const exists = async (id: string): Promise<boolean> =>
    (await dataSource.query<unknown[]>('SELECT 1 FROM action_executor.webhook_events WHERE id = $1', [id])).length === 1;

  it('deletes events older than the retention with their attempts, in batches, and keeps newer ones and one still being delivered', async () => {
    const key = webhookKey();
    const now = new Date();
    const old = new Date(now.getTime() - 31 * DAY_MS);
    const expired = Array.from({ length: 3 }, () => event(key, { received_at: old }));
    const delivering = event(key, { received_at: old, status: 'queued' });
    const recent = event(key, { received_at: new Date(now.getTime() - 29 * DAY_MS) });
    for (const stored of [...expired, delivering, recent]) await events.insertAccepted(stored, 7);
    const [first] = expired;
    if (first === undefined) throw new Error('no expired event');
    await dataSource.query(
      `INSERT INTO action_executor.webhook_delivery_attempts (event_id, replay, attempt, started_at, duration_ms, http_status) VALUES ($1, 0, 1, $2, 5, 204)`,
      [first.id, old],
    );
    const config = Object.assign(new WebhooksConfig(), { WEBHOOK_EVENT_RETENTION_DAYS: 30 });

    expect(await new WebhookEventRetention(log, config, {} as PinoLogger).sweep(now)).toBeGreaterThanOrEqual(3);

    for (const gone of expired) expect(await exists(gone.id)).toBe(false);
    expect(await attemptsOf(first.id)).toBe(0);
    expect(await exists(delivering.id)).toBe(true);
    expect(await exists(recent.id)).toBe(true);
  });

  it('deletes each expired event once when replicas sweep at the same moment', async () => {
    const key = webhookKey();
    const now = new Date();
    const expired = Array.from({ length: 1200 }, () => event(key, { received_at: new Date(now.getTime() - 40 * DAY_MS), sender_event_id: null }));
    for (let start = 0; start < expired.length; start += 300) await dataSource.manager.insert(WebhookEventEntity, expired.slice(start, start + 300));
    const config = Object.assign(new WebhooksConfig(), { WEBHOOK_EVENT_RETENTION_DAYS: 30 });
    const replicas = [1, 2, 3].map(() => new WebhookEventRetention(log, config, {} as PinoLogger));

    const deleted = await Promise.all(replicas.map((replica) => replica.sweep(now)));

    expect(deleted.reduce((sum, count) => sum + count, 0)).toBe(expired.length);
    expect(await log.list(key, { limit: 200 })).toEqual([]);
  });

  it('holds a pull back behind an event whose transaction is still open, then gives both in the order stored', async () => {
    const key = webhookKey();
    const open = dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    const slow = event(key, { status: 'stored', forward_url: null });
    const fast = event(key, { status: 'stored', forward_url: null });
    try {
      await open.manager.insert(WebhookEventEntity, slow);
      await events.insertAccepted(fast, 7);

      // The later event is committed, but a poller moving past it now would never see the earlier one.
      expect(await log.list(key, { after_sequence: 0 })).toEqual([]);
      expect((await log.list(key, {})).map((row) => row.id)).toEqual([fast.id]);
      await open.commitTransaction();
    } finally {
      await open.release();
    }

    // Another database's transaction may hold the horizon back a moment longer.
    await waitUntil(async () => (await log.list(key, { after_sequence: 0 })).length === 2, { what: 'both events to be pullable', timeoutMs: 10_000, intervalMs: 20 });
    const pulled = await log.list(key, { after_sequence: 0 });
    expect(pulled.map((row) => row.id)).toEqual([slow.id, fast.id]);
    const [, last] = pulled;
    expect(await log.list(key, { after_sequence: Number(last?.sequence) })).toEqual([]);
  });

  it('replays up to the cap, oldest first, says more matched, and never a refused or queued event', async () => {
    const key = webhookKey();
    const base = Date.now() - 60_000;
    const dead = Array.from({ length: 3 }, (_unused, index) => event(key, { status: 'dead_lettered', received_at: new Date(base + index) }));
    const refused = event(key, { status: 'refused', sender_event_id: null });
    const queued = event(key, { status: 'queued' });
    for (const stored of [...dead, queued]) await events.insertAccepted(stored, 7);
    await events.insertRefused(refused);

    const bulk = await log.replayMatching(key, { status: 'dead_lettered' }, 'https://product.example.com/new', 2);
    expect(bulk).toEqual({ rounds: dead.slice(0, 2).map((stored) => ({ id: stored.id, replays: 1 })), more: true });
    const [replayed] = await dataSource.query<{ status: string; attempts: number; forward_url: string; delivered_at: Date | null }[]>(
      'SELECT status, attempts, forward_url, delivered_at FROM action_executor.webhook_events WHERE id = $1',
      [dead[0]?.id],
    );
    expect(replayed).toEqual({ status: 'queued', attempts: 0, forward_url: 'https://product.example.com/new', delivered_at: null });

    const statuses = ['stored', 'delivered', 'dead_lettered'] as const;
    expect(await log.replay(key, refused.id, 'https://product.example.com/new', statuses)).toEqual({ status: 'refused' });
    expect(await log.replay(key, queued.id, 'https://product.example.com/new', statuses)).toEqual({ status: 'queued' });
    expect(await log.replay({ ...key, webhook: 'other_hook' }, dead[2]?.id ?? '', 'https://product.example.com/new', statuses)).toBeUndefined();
    expect(await log.replay(key, dead[2]?.id ?? '', 'https://product.example.com/new', statuses)).toMatchObject({
      status: 'dead_lettered',
      round: { id: dead[2]?.id, replays: 1 },
      queued: { id: dead[2]?.id, status: 'queued', attempts: 0, replays: 1 },
    });
  });
});
