import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { timedOut } from './upstream-failure.js';

/** A response body as undici hands it over: chunks to iterate, and a way to abandon it (closing the connection). */
export interface ResponseBodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
}

/** Limits on reading one response body. */
export interface BodyLimits {
  /** Named in errors. */
  origin: string;
  maxBytes: number;
  /** For the whole body, not between chunks, so an upstream dripping a byte at a time cannot hold the run. */
  deadlineMs: number;
  /** The `Content-Length` the upstream announced, if any: a body announced too large is refused unread. */
  declaredBytes?: number;
}

class BodyDeadlineReached extends Error {}

/**
 * Reads a whole response body into memory, at most `maxBytes` and within `deadlineMs`. Past either limit the
 * stream is destroyed, so the connection is dropped rather than drained, and the call fails with
 * `UpstreamResponseTooLarge` or `UpstreamTimeout`.
 */
export async function readResponseBody(body: ResponseBodyStream, limits: BodyLimits): Promise<Uint8Array> {
  if (limits.declaredBytes !== undefined && limits.declaredBytes > limits.maxBytes) {
    abandon(body);
    throw tooLarge(limits);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const timer = setTimeout(() => body.destroy(new BodyDeadlineReached()), limits.deadlineMs);
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) {
        abandon(body);
        throw tooLarge(limits);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof BodyDeadlineReached) throw timedOut(limits.origin, limits.deadlineMs, 'body');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, size);
}

// undici reports a body destroyed before its end as a RequestAbortedError 'error' event; here that abort is our
// own doing and already reported as the reason, and an unheard 'error' event would bring the process down.
function abandon(body: ResponseBodyStream): void {
  body.once('error', () => undefined);
  body.destroy();
}

function tooLarge(limits: BodyLimits): DomainError {
  return new DomainError(
    ErrorCode.UpstreamResponseTooLarge,
    `The upstream at ${limits.origin} answered with a body larger than ${limits.maxBytes} bytes`,
    { origin: limits.origin, maxBytes: limits.maxBytes },
  );
}
