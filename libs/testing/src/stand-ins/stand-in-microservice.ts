// A stand-in for a microservice in this library's own tests: answers the health subject of the service it plays
// (SWITCHBOARD_SERVICE, set by startService) in NestJS's NATS wire format, in the service's queue group as replicas do,
// and GET /health/ready on OPS_PORT.
// STAND_IN_BEHAVIOUR=crash exits at once with code 3; =unhealthy answers with status "error" and 503.
import { createServer } from 'node:http';
import { connect } from '@nats-io/transport-node';
import { busInboxPrefix } from '@switchboard/contracts';
import { HEALTH_SUBJECTS, type MicroserviceName, type ServiceName } from '../services.js';

const behaviour = process.env.STAND_IN_BEHAVIOUR ?? 'healthy';
const subject = HEALTH_SUBJECTS[process.env.SWITCHBOARD_SERVICE as MicroserviceName];

if (behaviour === 'crash') {
  console.error('stand-in: DATABASE_URL points nowhere, giving up');
  process.exit(3);
}

// As the service it plays: its NATS user (when the server has users) and its own inbox.
const connection = await connect({
  servers: process.env.NATS_URL,
  user: process.env.NATS_USER,
  pass: process.env.NATS_PASSWORD,
  inboxPrefix: busInboxPrefix(process.env.SWITCHBOARD_SERVICE as ServiceName),
});
const ops = createServer((request, response) => {
  const ready = request.url === '/health/ready' && behaviour !== 'unhealthy';
  response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ready ? 'ok' : 'error', checks: {} }));
});
await new Promise<void>((resolve) => ops.listen(Number(process.env.OPS_PORT), resolve));
connection.subscribe(subject, {
  queue: `${process.env.SWITCHBOARD_SERVICE}-stand-ins`,
  callback: (error, message) => {
    if (error) throw error;
    const { id } = message.json<{ id: string }>();
    const status = behaviour === 'unhealthy' ? 'error' : 'ok';
    message.respond(JSON.stringify({ id, response: { service: subject, status, checks: {} }, isDisposed: true }));
  },
});
console.log(JSON.stringify({ level: 30, msg: `stand-in listening on ${subject}` }));
process.once('SIGTERM', () => {
  console.log(JSON.stringify({ level: 30, msg: 'stand-in stopping' }));
  ops.close();
  void connection.close().then(() => process.exit(0));
});
