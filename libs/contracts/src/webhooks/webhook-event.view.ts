import type { WebhookEventStatus } from './webhook-event.js';
import type { WebhookScheme } from './webhook-scheme.js';

/** How the receipt's signature check ended. */
export interface WebhookEventVerification {
  scheme: WebhookScheme;
  ok: boolean;
  /** Why it failed (`signature_invalid`, `timestamp_stale`, `secret_unavailable`, …); `null` when it passed. */
  reason: string | null;
}

/** One received event in a list: what became of it, without its headers and body. */
export interface WebhookEventSummary {
  /** `wev_<uuid>`: also the `webhook-id` the forward URL receives, the same on every attempt and replay. */
  event_id: string;
  /** Orders events as they were stored; pass the last one read as `after_sequence` to pull the next. */
  sequence: number;
  env: string;
  status: WebhookEventStatus;
  verification: WebhookEventVerification;
  /** Why the receipt was refused or the event dead-lettered or is waiting again; `null` otherwise. */
  error_code: string | null;
  error_message: string | null;
  /** The sender's own id for the event (Stripe's `id`, `X-GitHub-Delivery`, …), when it sent one. */
  sender_event_id: string | null;
  /** ISO 8601 with microseconds; pass it as `before` to read the next page. */
  received_at: string;
  /** Delivery attempts of the current round (since the last replay), the one under way included. */
  attempts: number;
  /** How often the event was replayed. */
  replays: number;
  delivered_at: string | null;
  /** When the next delivery attempt is due, while a retry waits. */
  next_attempt_at: string | null;
}

/** One ended attempt to forward an event. */
export interface WebhookDeliveryAttemptView {
  /** The round it belongs to: 0 for the delivery after receipt, n for the n-th replay. */
  replay: number;
  /** Its number within the round, from 1. */
  attempt: number;
  started_at: string;
  duration_ms: number;
  /** The forward URL's answer; `null` when none came (refused, unreachable, timed out). */
  http_status: number | null;
  error_code: string | null;
  error_message: string | null;
}

/** Most attempts one fetch shows, the latest; `attempts_recorded` counts them all. */
export const WEBHOOK_EVENT_ATTEMPTS_SHOWN = 100;

/** One received event with what arrived and every delivery attempt. */
export interface WebhookEventView extends WebhookEventSummary {
  /** The receive URL as the sender saw it, query included. */
  url: string;
  /** Lower-case names, as received. */
  headers: Record<string, string>;
  /**
   * The raw body: as text when it is UTF-8 (`body_encoding` `utf8`), else base64 (`base64`). Text that JSON would
   * escape to more than its base64 (mostly control characters) is sent as base64 too, so a reply never outgrows it.
   */
  body: string;
  body_encoding: 'utf8' | 'base64';
  /** Where it was, or is, forwarded; `null`: the product pulls it. */
  forward_url: string | null;
  /** The attempts, oldest first: the latest {@link WEBHOOK_EVENT_ATTEMPTS_SHOWN} when there are more. */
  delivery_attempts: WebhookDeliveryAttemptView[];
  attempts_recorded: number;
}
