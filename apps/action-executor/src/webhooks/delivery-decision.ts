import { parseRetryAfterMs } from '../outbound/retry-policy.js';

/** How an attempt to forward an event ended. */
export type DeliveryOutcome = { kind: 'answered'; status: number; retryAfter?: string } | { kind: 'failed'; final: boolean };

/** What follows an attempt: the event is delivered, tried again after `delayMs`, or dead-lettered. */
export type DeliveryDecision = { action: 'delivered' } | { action: 'retry'; delayMs: number } | { action: 'dead_letter' };

export interface DeliverySchedule {
  /** The wait before each retry: the first attempt is made at once, so there are `retryWaitsMs.length + 1` in all. */
  retryWaitsMs: readonly number[];
  /** The longest `Retry-After` honoured. */
  retryAfterCapMs: number;
}

/**
 * A 2xx delivers; any other answer, and any failure to get one, is retried on the schedule until its attempts are used
 * up, except failures no retry can cure (the forward URL refused by the address policy). A 429 or 503 with a valid
 * `Retry-After` waits as long as it asks, up to the cap, or the schedule's wait if that is longer.
 */
export function decideAfterDelivery(outcome: DeliveryOutcome, attempt: number, schedule: DeliverySchedule, nowMs: number = Date.now()): DeliveryDecision {
  if (outcome.kind === 'answered' && outcome.status >= 200 && outcome.status <= 299) return { action: 'delivered' };
  if (outcome.kind === 'failed' && outcome.final) return { action: 'dead_letter' };
  if (attempt > schedule.retryWaitsMs.length) return { action: 'dead_letter' };
  const scheduled = schedule.retryWaitsMs[attempt - 1] ?? 0;
  if (outcome.kind === 'answered' && (outcome.status === 429 || outcome.status === 503)) {
    const asked = parseRetryAfterMs(outcome.retryAfter, nowMs);
    if (asked !== undefined) return { action: 'retry', delayMs: Math.max(scheduled, Math.min(asked, schedule.retryAfterCapMs)) };
  }
  return { action: 'retry', delayMs: scheduled };
}

/** What becomes of the event after an attempt, once the target's state is known: a disabled target holds it. */
export type SettledDecision = DeliveryDecision | { action: 'hold' };

/**
 * An event that would be retried while its target is disabled is held instead, not attempted until the target is
 * enabled; a delivered one stays delivered and one out of attempts is dead-lettered all the same.
 */
export function settledDecision(decision: DeliveryDecision, targetDisabled: boolean): SettledDecision {
  return targetDisabled && decision.action === 'retry' ? { action: 'hold' } : decision;
}
