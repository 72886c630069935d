// Baseline (b), front half: the least an HTTP → NATS gateway can do. Every request's body goes out as one NATS request;
// the reply's bytes come back as a 200 (an empty reply, a failed upstream call, as a 502). No framework, validation, auth or logging.
// Env: NATS_URL (NATS_USER, NATS_PASSWORD when it has users), BARE_GATEWAY_PORT. Prints `ready` on stdout once listening.
import { createServer } from 'node:http';
import { connect } from '@nats-io/transport-node';
import { BASELINE_RUN_SUBJECT } from './baseline-subject.js';

const port = Number(process.env.BARE_GATEWAY_PORT);
if (!process.env.NATS_URL || !Number.isInteger(port)) throw new Error('NATS_URL and BARE_GATEWAY_PORT must be set');

const nats = await connect({ servers: process.env.NATS_URL, user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD, name: 'bench-bare-gateway' });
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    nats.request(BASELINE_RUN_SUBJECT, Buffer.concat(chunks), { timeout: 10_000 }).then(
      (message) => {
        if (message.data.length === 0) {
          response.writeHead(502).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': message.data.length });
        response.end(message.data);
      },
      (error: unknown) => {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));

process.on('SIGTERM', () => {
  server.close();
  void nats.close().then(() => process.exit(0));
});
