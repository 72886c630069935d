/**
 * Validating one typical `actions.action.run` payload, class-validator's walk against the compiled check, in-process,
 * in CPU time (less disturbed than wall time by other processes), the cases interleaved round by round. Run by hand,
 * never as a timed test:
 *   node_modules/.bin/node --import @swc-node/register/esm-register libs/platform/src/validation/compiled-contract-check.bench.ts
 */
import { RunActionRequest } from '@switchboard/contracts';
import { MESSAGE_ENVELOPE_LEVELS } from './nesting-depth.js';
import { validatePayload, validateReflectively } from './validate-payload.js';
import { plainToInstance } from 'class-transformer';

const ITERATIONS = 20_000;
const ROUNDS = 5;

const payload = {
  workspace_id: 'ws_8f2c1a',
  user_id: 'usr_41b9',
  sent_at: 1_764_672_000_000,
  run: {
    env: 'prd',
    product: 'shop',
    app: 'stripe',
    event: 'charge',
    input: {
      headers: { 'x-request-id': 'abc-123', 'idempotency-key': 'k-9' },
      params: { id: 'ch_123' },
      query: { expand: ['customer', 'invoice'], limit: 10 },
      body: { amount: 1999, currency: 'eur', metadata: { order: 'o-77', note: 'Pay $Token{NOTE}' } },
    },
  },
};

const cases: Record<string, () => unknown> = {
  'class-validator (plainToInstance + validate)': () => validateReflectively(RunActionRequest, payload),
  'validatePayload (compiled check + plainToInstance)': () => validatePayload(RunActionRequest, payload, MESSAGE_ENVELOPE_LEVELS),
  'plainToInstance alone': () => plainToInstance(RunActionRequest, payload),
};

async function cpuMicrosecondsPerCall(run: () => unknown): Promise<number> {
  const started = process.cpuUsage();
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) await run();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / ITERATIONS;
}

const rounds = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
for (const run of Object.values(cases)) await cpuMicrosecondsPerCall(run);
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, run] of Object.entries(cases)) rounds.get(name)!.push(await cpuMicrosecondsPerCall(run));
}
for (const [name, values] of rounds) {
  const sorted = values.toSorted((a, b) => a - b);
  console.log(`${name}: median ${sorted[Math.floor(ROUNDS / 2)].toFixed(1)} µs CPU per payload (rounds ${values.map((value) => value.toFixed(1)).join(', ')})`);
}
