import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One forwarded event as the product's endpoint received it, and what the endpoint answered. */
export interface ForwardedEvent {
  path: string;
  webhookId: string;
  timestamp: string;
  /** The `webhook-signature` header's space-separated entries, e.g. `v1,<base64>`. */
  signatures: string[];
  contentType: string | undefined;
  body: Buffer;
  status: number;
}

/** A local HTTP server playing a product's webhook endpoint: it keeps what it receives and answers as told. */
export interface ProductEndpoint {
  readonly url: string;
  readonly received: readonly ForwardedEvent[];
  /** Answers `path` with `status` (204 unless set), after `delayMs`. */
  answer(path: string, status: number, delayMs?: number): void;
  /** What arrived at `path`, in order. */
  to(path: string): ForwardedEvent[];
  /** What arrived under `webhook-id` `eventId`: every attempt and replay of one event. */
  withWebhookId(eventId: string): ForwardedEvent[];
  close(): Promise<void>;
}

export async function startProductEndpoint(): Promise<ProductEndpoint> {
  const received: ForwardedEvent[] = [];
  const answers = new Map<string, { status: number; delayMs: number }>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const answer = answers.get(path) ?? { status: 204, delayMs: 0 };
      received.push({
        path,
        webhookId: String(request.headers['webhook-id'] ?? ''),
        timestamp: String(request.headers['webhook-timestamp'] ?? ''),
        signatures: String(request.headers['webhook-signature'] ?? '').split(' '),
        contentType: request.headers['content-type'],
        body: Buffer.concat(chunks),
        status: answer.status,
      });
      setTimeout(() => response.writeHead(answer.status).end(), answer.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer: (path, status, delayMs = 0) => answers.set(path, { status, delayMs }),
    to: (path) => received.filter((event) => event.path === path),
    withWebhookId: (eventId) => received.filter((event) => event.webhookId === eventId),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TIMESTAMP_TOLERANCE_SECONDS = 300;

/**
 * Standard Webhooks verification written from the spec, apart from the platform's own code: one of the `v1,<base64>`
 * signatures is the HMAC-SHA256, keyed with the base64 part of the `whsec_…` secret, of
 * `<webhook-id>.<webhook-timestamp>.<body>`, and the timestamp is within five minutes of now.
 */
export function signedWith(secret: string, event: ForwardedEvent): boolean {
  const { webhookId, timestamp } = event;
  if (webhookId === '' || !/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${webhookId}.${timestamp}.`).update(event.body).digest();
  return event.signatures.some((entry) => {
    const [version, signature] = entry.split(',');
    const sent = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && sent.length === expected.length && timingSafeEqual(sent, expected);
  });
}
