import { refused, type WebhookVerification } from './verification.js';

/** Unix seconds as senders write them: digits only (no sign, no fraction, no exponent), at most 12 of them. */
const UNIX_SECONDS = /^\d{1,12}$/;

/** The Unix seconds in a header value, or undefined when it is not plain digits. */
export function parseUnixSeconds(text: string): number | undefined {
  return UNIX_SECONDS.test(text) ? Number(text) : undefined;
}

/**
 * The accepted result for a signed timestamp, or `timestamp_stale` when it is further than the tolerance from now,
 * in the past (a replay) or in the future (a clock far off, or a replay prepared in advance).
 */
export function withinTolerance(
  timestamp: number,
  now: Date,
  toleranceSeconds: number,
  eventId: string | undefined,
): WebhookVerification {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const offset = timestamp - nowSeconds;
  if (Math.abs(offset) > toleranceSeconds) {
    const direction = offset < 0 ? `${-offset} s old` : `${offset} s in the future`;
    return refused('timestamp_stale', `signed timestamp ${timestamp} is ${direction}; the tolerance is ${toleranceSeconds} s`);
  }
  return { ok: true, eventId, timestamp };
}
