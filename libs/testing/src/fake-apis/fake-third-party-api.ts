import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake third-party API received, as it arrived. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What a route answers: a status, optional headers, and a body (objects are sent as JSON). */
export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type FakeRoute = (request: ReceivedRequest) => FakeReply | Promise<FakeReply>;

/** A local HTTP server playing a third-party API: it records every request and answers from its routes. */
export interface FakeThirdPartyApi {
  readonly url: string;
  readonly received: ReceivedRequest[];
  /** Adds or replaces the route for `METHOD /path` (exact path, query ignored). */
  route(method: string, path: string, reply: FakeRoute): void;
  stop(): Promise<void>;
}

/** Starts a fake third-party API on 127.0.0.1 and a free port; unknown routes answer 404 in JSON. */
export async function startFakeThirdPartyApi(): Promise<FakeThirdPartyApi> {
  const routes = new Map<string, FakeRoute>();
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => void handle(request, response));

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    const recorded = { method: request.method ?? 'GET', path: request.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') };
    received.push(recorded);
    const route = routes.get(`${recorded.method} ${path}`);
    const reply = route ? await route(recorded) : { status: 404, body: { error: { message: `No such route: ${recorded.method} ${path}` } } };
    const isText = typeof reply.body === 'string';
    response.writeHead(reply.status, { 'content-type': isText ? 'text/plain' : 'application/json', ...reply.headers });
    response.end(reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    route: (method, path, reply) => void routes.set(`${method.toUpperCase()} ${path}`, reply),
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
