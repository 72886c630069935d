import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request a local upstream received. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Which connection it came on, numbered from 1, to see keep-alive reuse. */
  connection: number;
}

/** Answers one request; `index` counts from 0 across the upstream's life. */
export type UpstreamHandler = (request: SeenRequest, response: ServerResponse, index: number) => void;

/** A node:http server on 127.0.0.1 and a free port, playing the third-party API under test. */
export interface LocalUpstream {
  readonly url: string;
  readonly port: number;
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a local upstream that hands every request, body read, to `handler`. */
export async function startLocalUpstream(handler: UpstreamHandler): Promise<LocalUpstream> {
  const seen: SeenRequest[] = [];
  const connections = new WeakMap<Socket, number>();
  let connectionCount = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received: SeenRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
        connection: connections.get(request.socket) ?? 0,
      };
      seen.push(received);
      handler(received, response, seen.length - 1);
    });
  });
  server.on('connection', (socket: Socket) => connections.set(socket, (connectionCount += 1)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Handlers that never answer leave connections open; close would otherwise wait for them.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on any more: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}
