import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '../errors/domain-error.js';

/** nats-server's `max_payload` unless its configuration says otherwise. */
export const DEFAULT_NATS_MAX_PAYLOAD = 1024 * 1024;

/** The largest `max_payload` nats-server accepts. */
export const LARGEST_NATS_MAX_PAYLOAD = 64 * 1024 * 1024;

// Room a reply keeps beside the upstream body for its envelope: ids, status, the upstream's headers, timings.
const REPLY_ENVELOPE_BYTES = 64 * 1024;

/**
 * The largest upstream body whose reply still fits in one NATS message of `maxPayload` bytes, when it travels
 * base64-encoded (4 bytes for every 3, as `integrations.fetch` sends it) beside its envelope.
 */
export function largestBodyForReply(maxPayload: number): number {
  return Math.floor(((maxPayload - REPLY_ENVELOPE_BYTES) * 3) / 4);
}

/** The error a reply of `bytes` answers with instead when NATS, limited to `maxPayload`, cannot carry it. */
export function replyTooLargeError(bytes: number, maxPayload: number): DomainError {
  return new DomainError(
    ErrorCode.UpstreamResponseTooLarge,
    `The reply would be ${bytes} bytes, more than the ${maxPayload} bytes a NATS message may carry (the server's max_payload); lower OUTBOUND_MAX_RESPONSE_BYTES or raise max_payload`,
    { reply_bytes: bytes, max_payload: maxPayload },
  );
}

/**
 * Throws {@link replyTooLargeError} when `reply`, as JSON, is larger than `maxPayload`. `bodyBytes` is the size of
 * the upstream body it carries: a reply that could not reach the limit even with every byte of it escaped is let
 * through without being serialized a second time.
 */
export function assertReplyFits(reply: unknown, bodyBytes: number, maxPayload: number): void {
  // JSON escapes a byte into at most 6 (`\u0000`); the rest of a reply fits in the envelope's room.
  if (bodyBytes * 6 + REPLY_ENVELOPE_BYTES <= maxPayload) return;
  const bytes = Buffer.byteLength(JSON.stringify(reply));
  if (bytes > maxPayload) throw replyTooLargeError(bytes, maxPayload);
}
