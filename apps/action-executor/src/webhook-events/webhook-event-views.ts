import type { WebhookEventSummary, WebhookEventView } from '@switchboard/contracts';
import type { EventRow, EventSummaryRow } from './webhook-event-log.store.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** An event as the list shows it. */
export function summaryOf(row: EventSummaryRow): WebhookEventSummary {
  return {
    event_id: row.id,
    sequence: Number(row.sequence),
    env: row.env,
    status: row.status,
    verification: { scheme: row.verification.scheme, ok: row.verification.ok, reason: row.verification.reason ?? null },
    error_code: row.error_code,
    error_message: row.error_message,
    sender_event_id: row.sender_event_id,
    received_at: row.received_at,
    attempts: row.attempts,
    replays: row.replays,
    delivered_at: row.delivered_at?.toISOString() ?? null,
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
  };
}

/** An event with what arrived, its body as text or base64, and its attempts. */
export function viewOf(row: EventRow): WebhookEventView {
  return {
    ...summaryOf(row),
    url: row.url,
    headers: row.headers,
    ...bodyOf(row.body),
    forward_url: row.forward_url,
    delivery_attempts: row.delivery_attempts.map((attempt) => ({ ...attempt, started_at: new Date(attempt.started_at).toISOString() })),
    attempts_recorded: row.attempts_recorded,
  };
}

/**
 * Text when the bytes are UTF-8 and JSON does not escape them into more than their base64 (control characters
 * become six bytes each), else base64: a reply is never larger than the receipt that brought the body.
 */
export function bodyOf(bytes: Buffer): Pick<WebhookEventView, 'body' | 'body_encoding'> {
  const base64 = bytes.toString('base64');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // The decoder refused the bytes: they are not UTF-8, which is all this asks.
    return { body: base64, body_encoding: 'base64' };
  }
  return Buffer.byteLength(JSON.stringify(text)) <= base64.length + 2 ? { body: text, body_encoding: 'utf8' } : { body: base64, body_encoding: 'base64' };
}
