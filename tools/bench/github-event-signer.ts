// The events the webhook rows send, signed as GitHub does (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries):
// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, the event id in `X-GitHub-Delivery`. Tools may
// not import @switchboard/testing's senders, and one HMAC of a small body costs microseconds, so each request is
// signed as it is sent rather than from a pre-signed pool.
import { createHmac } from 'node:crypto';

export interface SignedEvent {
  /** The sender's event id (`X-GitHub-Delivery`): distinct per event, so replay protection stores every one. */
  deliveryId: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** `sha256=<hex>`, GitHub's `X-Hub-Signature-256` of `body` under `secret`. */
export function gitHubSignature(secret: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Signs event after event, each with its own delivery id (`<prefix>-<n>`) and a body naming it, so no two events of a
 * run (or of two runs, given distinct prefixes) are the same to the receiver.
 */
export function gitHubEventSigner(secret: string, prefix: string): () => SignedEvent {
  let sent = 0;
  return () => {
    sent += 1;
    const deliveryId = `${prefix}-${sent}`;
    const body = Buffer.from(JSON.stringify({ action: 'bench', delivery: deliveryId }));
    return {
      deliveryId,
      body,
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'ping',
        'x-github-delivery': deliveryId,
        'x-hub-signature-256': gitHubSignature(secret, body),
      },
    };
  };
}
