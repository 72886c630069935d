import { IsOmittable, IsTag } from '../common/validators.js';
import { ProductScopedRequest } from '../connection/connection.requests.js';

/**
 * How a webhook's forward target is doing: `healthy` (its last attempt was delivered, or none failed), `failing`
 * (every attempt since `failing_since` failed), `disabled` (it failed for longer than the executor's
 * `WEBHOOK_TARGET_DISABLE_AFTER_MS`: events are held, not attempted, until the target is enabled again).
 */
export const WEBHOOK_DELIVERY_STATES = ['healthy', 'failing', 'disabled'] as const;
export type WebhookDeliveryStateName = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** The `delivery` of a webhook view. */
export interface WebhookDeliveryState {
  state: WebhookDeliveryStateName;
  /** The first failed attempt after the last delivered one; `null` while healthy. */
  failing_since: string | null;
  disabled_at: string | null;
  /** Why it is disabled, or while failing the latest failure; `null` while healthy. */
  reason: string | null;
  /** Events stored while the target is disabled, delivered once it is enabled. */
  held_events: number;
}

/** A webhook's delivery state before it ever failed. */
export const HEALTHY_WEBHOOK_DELIVERY: WebhookDeliveryState = { state: 'healthy', failing_since: null, disabled_at: null, reason: null, held_events: 0 };

/**
 * `executor.webhook-delivery-state.list`: the delivery states of the product's webhooks (of one when `webhook_tag` is
 * given) that are not simply healthy; any webhook left out of the reply is {@link HEALTHY_WEBHOOK_DELIVERY}.
 */
export class ListWebhookDeliveryStatesRequest extends ProductScopedRequest {
  @IsOmittable()
  @IsTag()
  webhook_tag?: string;
}

/** One entry of the reply of `executor.webhook-delivery-state.list`. */
export interface WebhookDeliveryStateEntry {
  webhook: string;
  delivery: WebhookDeliveryState;
}

/**
 * Reply of `executor.webhook-target.enable` (a `WebhookTagRequest`) and body of
 * `POST /v1/products/:product/webhooks/:webhook/enable`: the target's state now, and how many held events were queued.
 */
export interface WebhookTargetEnabled {
  delivery: WebhookDeliveryState;
  released: number;
}
