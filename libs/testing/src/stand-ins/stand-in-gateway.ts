// A stand-in for the gateway in this library's own tests: GET /health is 200; GET /ready is 200 once every
// microservice health subject answers over NATS, else 503.
import { createServer } from 'node:http';
import { connect } from '@nats-io/transport-node';
import { busInboxPrefix, Subjects } from '@switchboard/contracts';
import type { ServiceName } from '../services.js';

const subjects = [Subjects.CatalogHealthCheck, Subjects.ConnectionHealthCheck, Subjects.SecretsHealthCheck, Subjects.ActionsHealthCheck];
// As the service it plays: its NATS user (when the server has users) and its own inbox.
const connection = await connect({
  servers: process.env.NATS_URL,
  user: process.env.NATS_USER,
  pass: process.env.NATS_PASSWORD,
  inboxPrefix: busInboxPrefix(process.env.SWITCHBOARD_SERVICE as ServiceName),
});

async function everyServiceAnswers(): Promise<boolean> {
  const replies = await Promise.allSettled(subjects.map((subject) => connection.request(subject, JSON.stringify({ pattern: subject, data: {}, id: subject }), { timeout: 500 })));
  return replies.every((reply) => reply.status === 'fulfilled');
}

const server = createServer((request, response) => {
  if (request.url === '/health') {
    response.writeHead(200).end('{"status":"ok"}');
    return;
  }
  if (request.url === '/ready') {
    void everyServiceAnswers().then((ready) => response.writeHead(ready ? 200 : 503).end());
    return;
  }
  response.writeHead(404).end();
});
server.listen(Number(process.env.GATEWAY_PORT), process.env.GATEWAY_HOST, () => console.log('stand-in gateway listening'));
process.once('SIGTERM', () => {
  server.close();
  void connection.close().then(() => process.exit(0));
});
