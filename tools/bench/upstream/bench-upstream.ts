// The upstream every bench row calls: node:http on 127.0.0.1, a small JSON reply.
// - 401 unless `x-api-key` equals BENCH_API_KEY, so a row that failed to substitute `$Token{…}` cannot look fast.
// - `x-bench-delay-ms: N` delays the reply by N ms (the replica comparison's slow upstream).
// - Counts requests per client port (GET /__bench/requests-by-port, POST /__bench/reset), which the bench maps to
//   the executor process owning each port.
// Prints one JSON line `{"port": N}` on stdout once listening.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

const apiKey = process.env.BENCH_API_KEY;
if (!apiKey) throw new Error('BENCH_API_KEY is not set');

const REPLY = Buffer.from(JSON.stringify({ ok: true, message: 'pong' }));
const requestsByPort = new Map<number, number>();

function reply(response: ServerResponse, status: number, body: Buffer): void {
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  if (request.url === '/__bench/requests-by-port') {
    reply(response, 200, Buffer.from(JSON.stringify(Object.fromEntries(requestsByPort))));
    return;
  }
  if (request.url === '/__bench/reset') {
    requestsByPort.clear();
    reply(response, 200, Buffer.from('{}'));
    return;
  }
  const port = request.socket.remotePort ?? 0;
  requestsByPort.set(port, (requestsByPort.get(port) ?? 0) + 1);
  if (request.headers['x-api-key'] !== apiKey) {
    reply(response, 401, Buffer.from(JSON.stringify({ error: 'x-api-key is missing or wrong' })));
    return;
  }
  const delayMs = Number(request.headers['x-bench-delay-ms'] ?? 0);
  if (delayMs > 0) setTimeout(() => reply(response, 200, REPLY), delayMs);
  else reply(response, 200, REPLY);
}

const server = createServer((request, response) => {
  // The body is not needed, only consumed, so that the connection can be reused.
  request.resume();
  request.on('end', () => handle(request, response));
});
// Longer than the clients' keep-alive, so the server never closes a connection a client is about to reuse.
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the upstream has no TCP address');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
