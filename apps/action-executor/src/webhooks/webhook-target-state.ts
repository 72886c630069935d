import type { WebhookDeliveryState } from '@switchboard/contracts';
import type { WebhookTargetEntity } from './webhook-target.entity.js';

const UNITS: readonly [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

/** A duration as people read it: `5 d`, `1.5 h`, `2 s`, `250 ms` (the largest unit it is a whole or half of). */
export function durationText(ms: number): string {
  for (const [unit, size] of UNITS) if (ms >= size && (ms * 2) % size === 0) return `${ms / size} ${unit}`;
  return `${ms} ms`;
}

/** Why a target was disabled: for how long it failed, and its last failure. */
export function disabledReasonOf(lastFailure: string, disableAfterMs: number): string {
  return `Every delivery attempt failed for longer than ${durationText(disableAfterMs)} (WEBHOOK_TARGET_DISABLE_AFTER_MS), so delivery is stopped and new events are held until the webhook is enabled; the last failure: ${lastFailure}`;
}

/** A target's state as the webhook view shows it, from its row (none: it never failed) and its held events. */
export function deliveryStateOf(target: Omit<WebhookTargetEntity, 'workspace_id' | 'product' | 'webhook'> | undefined, heldEvents: number): WebhookDeliveryState {
  const failingSince = target?.failing_since ?? null;
  const disabledAt = target?.disabled_at ?? null;
  return {
    state: disabledAt !== null ? 'disabled' : failingSince !== null ? 'failing' : 'healthy',
    failing_since: failingSince?.toISOString() ?? null,
    disabled_at: disabledAt?.toISOString() ?? null,
    reason: disabledAt !== null ? (target?.disabled_reason ?? null) : failingSince !== null ? (target?.last_failure ?? null) : null,
    held_events: heldEvents,
  };
}
