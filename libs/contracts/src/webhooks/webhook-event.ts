/**
 * A received event's state: `refused` (its signature, timestamp or secret failed; recorded, never forwarded),
 * `stored` (accepted, no forward URL: the product pulls it), `queued` (accepted, waiting for its next delivery
 * attempt), `held` (accepted while its webhook's forward target is disabled: kept, not attempted, queued when the target
 * is enabled), `delivered` (the forward URL answered 2xx), `dead_lettered` (every attempt failed, or the forward URL
 * was refused).
 */
export const WEBHOOK_EVENT_STATUSES = ['refused', 'stored', 'queued', 'held', 'delivered', 'dead_lettered'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

/** Event ids: `wev_` and a UUID. */
export const WEBHOOK_EVENT_ID_PATTERN = /^wev_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
