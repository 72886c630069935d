// The product's endpoint for the receipt-to-forward row: node:http on 127.0.0.1, in the bench's own process so that
// arrival times share the sender's performance.now() clock. It verifies Switchboard's Standard Webhooks signature
// with the `standardwebhooks` package, as a product would with "any Standard Webhooks library" (README), and
// answers 204 at once.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { ForwardArrival } from './forward-latency.js';
import type { Teardown } from './teardown.js';

export interface ForwardReceiver {
  /** Where Switchboard is to forward: give it as the webhook's `forward_url`. */
  url: string;
  /** The webhook's forwarding secret (`whsec_…`), known only once the webhook exists; until then nothing verifies. */
  verifyWith(secret: string): void;
  /** Every request received so far, in order of arrival. */
  readonly arrivals: readonly ForwardArrival[];
}

export async function startForwardReceiver(teardown: Teardown): Promise<ForwardReceiver> {
  const arrivals: ForwardArrival[] = [];
  let verifier: Webhook | undefined;
  const signatureValid = (body: Buffer, headers: Record<string, string>): boolean => {
    if (verifier === undefined) return false;
    try {
      verifier.verify(body, headers, { jsonParse: false });
      return true;
    } catch (error) {
      if (error instanceof WebhookVerificationError) return false;
      throw error;
    }
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      arrivals.push({ webhookId: headers['webhook-id'] ?? '', at, signatureValid: signatureValid(body, headers), body });
      response.writeHead(204).end();
    });
  });
  // Longer than the executor's keep-alive, so the server never closes a connection a delivery is about to reuse.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  teardown.add('stop the forward receiver', () => new Promise((resolve) => server.close(resolve)));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/forwarded`,
    verifyWith: (secret) => {
      verifier = new Webhook(secret);
    },
    arrivals,
  };
}
