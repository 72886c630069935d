import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake gateway received it; `path` is the raw, still-encoded request target. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A canned reply: JSON unless `raw` is given, or `hang` to never answer. */
export type CannedReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; raw: string; headers?: Record<string, string> }
  | { hang: true };

/** A local HTTP server on a free port that records requests and answers from a route table. */
export class FakeGateway {
  readonly requests: RecordedRequest[] = [];
  readonly #routes = new Map<string, CannedReply>();
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  /** Starts a gateway on 127.0.0.1 with a port the OS picks. */
  static async start(): Promise<FakeGateway> {
    const server = createServer();
    const gateway = new FakeGateway(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        const method = req.method ?? '';
        gateway.requests.push({ method, path, headers: req.headers, body: text === '' ? undefined : JSON.parse(text) });
        gateway.#answer(res, gateway.#routes.get(`${method} ${path}`));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return gateway;
  }

  /** Base URL to hand to the SDK. */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Sets the reply for `METHOD /raw/path`; unrouted requests get a JSON `route_not_found` 404. */
  on(method: string, path: string, reply: CannedReply): this {
    this.#routes.set(`${method} ${path}`, reply);
    return this;
  }

  /** The most recent request, failing loudly when none arrived. */
  get lastRequest(): RecordedRequest {
    const last = this.requests.at(-1);
    if (last === undefined) throw new Error('the fake gateway received no request');
    return last;
  }

  /** Stops listening and drops open sockets, including hanging requests. */
  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      this.#server.close((error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  }

  #answer(res: ServerResponse, reply: CannedReply | undefined): void {
    if (reply === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'route_not_found', message: 'No canned reply for this route', details: {} }));
      return;
    }
    if ('hang' in reply) return;
    if ('raw' in reply) {
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
      res.end(reply.raw);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.json));
  }
}

/** A URL where nothing listens: a port the OS handed out and that was closed again. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
  return `http://127.0.0.1:${port}`;
}
