import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordRequest, type RecordedRequest } from './recorded-request.js';

/** A pass-through HTTP proxy that records every request, so tests can see what a client sent to a real server. */
export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (free port) forwarding every request to `target` unchanged. */
export async function startRecordingProxy(target: string, expectedToken: string): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    requests.push(recordRequest(incoming, expectedToken));
    const forwarded = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      // Once the answer has started there is no status left to change: cut the connection instead.
      if (outgoing.headersSent) outgoing.destroy(error);
      else outgoing.writeHead(502).end(`recording proxy: ${error.message}`);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
