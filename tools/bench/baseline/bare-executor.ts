// Baseline (b), back half: answers each NATS request by POSTing its payload to the upstream with undici and replying
// with the upstream's body (empty when the call failed). The same connection limit as the real executor's default (50 per origin); no checks.
// Env: NATS_URL (NATS_USER, NATS_PASSWORD when it has users), BENCH_UPSTREAM_URL, BENCH_API_KEY. Prints `ready` on stdout once subscribed.
import { connect, type Msg } from '@nats-io/transport-node';
import { Pool } from 'undici';
import { BASELINE_QUEUE, BASELINE_RUN_SUBJECT } from './baseline-subject.js';

const { NATS_URL, BENCH_UPSTREAM_URL, BENCH_API_KEY } = process.env;
if (!NATS_URL || !BENCH_UPSTREAM_URL || !BENCH_API_KEY) throw new Error('NATS_URL, BENCH_UPSTREAM_URL and BENCH_API_KEY must be set');

const upstream = new URL(BENCH_UPSTREAM_URL);
const pool = new Pool(upstream.origin, { connections: 50 });
const headers = { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY };
// An empty reply tells the bare gateway that the upstream call failed, so that a failure cannot pass for a 200.
const FAILED = new Uint8Array();

async function callUpstream(message: Msg): Promise<void> {
  try {
    const response = await pool.request({ path: upstream.pathname, method: 'POST', headers, body: message.data });
    const body = new Uint8Array(await response.body.arrayBuffer());
    message.respond(response.statusCode === 200 ? body : FAILED);
  } catch (error) {
    process.stderr.write(`bare-executor: ${error instanceof Error ? error.message : String(error)}\n`);
    message.respond(FAILED);
  }
}

const nats = await connect({ servers: NATS_URL, user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD, name: 'bench-bare-executor' });
nats.subscribe(BASELINE_RUN_SUBJECT, {
  queue: BASELINE_QUEUE,
  callback: (error, message) => {
    if (error) throw error;
    void callUpstream(message);
  },
});
await nats.flush();
process.stdout.write('ready\n');

process.on('SIGTERM', () => {
  void Promise.all([nats.close(), pool.close()]).then(() => process.exit(0));
});
