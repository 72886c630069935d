import { randomUUID } from 'node:crypto';
import type { WebhookEventEntity } from '../../src/webhooks/webhook-event.entity.js';

/** An accepted GitHub event of webhook `github_webhook` in product `shop`, queued for delivery, with fresh ids. */
export function webhookEventOf(overrides: Partial<WebhookEventEntity> = {}): WebhookEventEntity {
  return {
    id: `wev_${randomUUID()}`,
    workspace_id: 'ws_a',
    product: 'shop',
    webhook: 'github_webhook',
    env: 'prd',
    receive_id: 'whk_0123456789abcdefghijklmn',
    status: 'queued',
    error_code: null,
    error_message: null,
    verification: { scheme: 'github', ok: true },
    sender_event_id: `delivery-${randomUUID()}`,
    url: 'https://hooks.example.com/hooks/whk_0123456789abcdefghijklmn',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{"zen":"Keep it logically awesome."}'),
    forward_url: 'https://product.example.com/github',
    attempts: 0,
    replays: 0,
    received_at: new Date(),
    enqueued_at: null,
    next_attempt_at: null,
    delivered_at: null,
    ...overrides,
  };
}
