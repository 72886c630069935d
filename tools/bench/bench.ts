// `npm run bench`: starts the platform, a local upstream and a bare-minimum baseline, loads each path at 1 and
// 50 clients, compares 1 and 2 action-executor replicas against a slow upstream, measures webhook receipts and
// their forwarding, imports a large document, prints one markdown report and writes it to bench/RESULTS.md. Every
// process it starts is stopped at the end, on failure and on Ctrl-C.
// BENCH_WARMUP_MS and BENCH_DURATION_MS (per cell) shorten or lengthen the run; BENCH_IMPORT_RESOURCES sizes the
// imported document (5 operations each); BENCH_WEBHOOK_EVENTS is how many events the forwarding row sends;
// BENCH_COLD_ROUNDS is how many cold runs the cold path row times; BENCH_TENANTS × BENCH_TENANT_CONNECTIONS sizes the
// many-tenants row, BENCH_TENANT_PASSES how often it runs them all; BENCH_ONLY (e.g. `webhooks`) runs some sections
// only, and then leaves bench/RESULTS.md as it was.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { inspect, promisify } from 'node:util';
import { connect } from '@nats-io/transport-node';
import { buildWorkspace } from '@switchboard/local-infra';
import { actionRunTarget, createRunFixtures, SECRET_KEY } from './bench-fixtures.js';
import { BENCH_WEBHOOK_RATE_LIMIT, startBenchPlatform, type BenchPlatform } from './bench-platform.js';
import { REPO_ROOT } from './bench-process.js';
import { BENCH_SECTIONS, selectedSections } from './bench-sections.js';
import { startForwardReceiver } from './forward-receiver.js';
import { measureImport, type ImportMeasurement } from './import-measurement.js';
import { runLoad, type LoadResult, type LoadTarget } from './load-generator.js';
import { measureColdPath } from './cold-path-measurement.js';
import { describeMachine } from './machine-description.js';
import { residentMemoryMiB, startConnectionOwnerSampler, startCpuMeter, startPeakMemorySampler, type CpuUse } from './process-probes.js';
import { splitByReplica } from './replica-split.js';
import {
  CLIENT_COUNTS,
  renderReport,
  type CachesReport,
  type ClientCount,
  type CpuReading,
  type PathResults,
  type PathsReport,
  type ReplicaRun,
  type ReplicasReport,
} from './results-report.js';
import { Teardown } from './teardown.js';
import { createTenantFixtures } from './tenant-fixtures.js';
import { measureTenants } from './tenants-measurement.js';
import { createWebhookFixtures } from './webhook-fixtures.js';
import { measureReceiptToForward, pullEvents, receiptTarget, signingMicroseconds, type WebhookMeasurement } from './webhook-measurement.js';

const WARMUP_MS = positiveInteger('BENCH_WARMUP_MS', 2_000);
const DURATION_MS = positiveInteger('BENCH_DURATION_MS', 5_000);
const IMPORT_RESOURCES = positiveInteger('BENCH_IMPORT_RESOURCES', 1_000, 'a count of resources');
const WEBHOOK_EVENTS = positiveInteger('BENCH_WEBHOOK_EVENTS', 500, 'a count of events');
const COLD_ROUNDS = positiveInteger('BENCH_COLD_ROUNDS', 200, 'a count of rounds');
const TENANTS = positiveInteger('BENCH_TENANTS', 10_000, 'a count of workspaces');
const TENANT_CONNECTIONS = positiveInteger('BENCH_TENANT_CONNECTIONS', 5, 'a count of connections per workspace');
const TENANT_PASSES = positiveInteger('BENCH_TENANT_PASSES', 1, 'a count of passes');
const SECTIONS = selectedSections(process.env.BENCH_ONLY);
// Steady and modest: the forwarding row measures one event's way through, not a queue building up.
const FORWARD_RATE_PER_SECOND = 50;
const REPLICA_CLIENTS = 200;
const UPSTREAM_DELAY_MS = 50;
const RESULTS_FILE = join(REPO_ROOT, 'bench', 'RESULTS.md');

const teardown = new Teardown();
const stopping = new AbortController();
const startedAt = Date.now();

function progress(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
}

function positiveInteger(name: string, fallback: number, unit = 'milliseconds'): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (${unit}), got "${raw}"`);
  return value;
}

/** Checks that the upstream's own JSON came back, so that an error page cannot count as a success. */
function upstreamReplyCheck(text: string): string | undefined {
  return (JSON.parse(text) as { ok?: unknown }).ok === true ? undefined : `unexpected reply ${text.slice(0, 300)}`;
}

async function measure(label: string, target: LoadTarget, clients: number, extra: Partial<Parameters<typeof runLoad>[1]> = {}): Promise<LoadResult> {
  progress(`${label}, ${clients} client${clients === 1 ? '' : 's'}…`);
  const result = await runLoad(target, { clients, warmupMs: WARMUP_MS, durationMs: DURATION_MS, signal: stopping.signal, ...extra });
  progress(
    `  ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms` +
      (result.failed ? `, ${result.failed} failed (first: ${result.firstFailure})` : ''),
  );
  return result;
}

/** Measured rows and the CPU use read while they ran. */
interface Measured<Rows> {
  rows: Rows;
  cpuUse: CpuReading[];
}

function executorPid(platform: BenchPlatform): number {
  const executor = platform.executors[0];
  if (!executor) throw new Error('no action-executor is running');
  return executor.child.pid;
}

/** The processes whose CPU is read: every one the bench started, and the bench itself (the load generator). */
function meteredProcesses(platform: BenchPlatform): { name: string; pid: number }[] {
  return [{ name: 'bench (load generator)', pid: process.pid }, ...platform.processes.map((started) => ({ name: started.name, pid: started.child.pid }))];
}

/** Peak memory of `pid` (when given) and everyone's CPU, both read only during the measured window. */
function windowProbes(platform: BenchPlatform, pid: number | undefined) {
  let memory: ReturnType<typeof startPeakMemorySampler> | undefined;
  let cpu: Awaited<ReturnType<typeof startCpuMeter>> | undefined;
  return {
    async start(): Promise<void> {
      if (pid !== undefined) memory = startPeakMemorySampler(pid);
      cpu = await startCpuMeter(meteredProcesses(platform));
    },
    async stop(): Promise<{ peakRssMiB: number; cpuUse?: CpuUse }> {
      const peakRssMiB = (await memory?.stop()) ?? Number.NaN;
      const cpuUse = await cpu?.stop();
      [memory, cpu] = [undefined, undefined];
      return { peakRssMiB, cpuUse };
    },
  };
}

async function measurePaths(platform: BenchPlatform): Promise<Measured<PathsReport>> {
  const [executorIdleRssMiB, bareExecutorIdleRssMiB] = await Promise.all([executorPid(platform), platform.bareExecutor.child.pid].map(residentMemoryMiB));
  const direct: LoadTarget = {
    url: `${platform.upstreamUrl}/ping`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': platform.apiKey },
    body: JSON.stringify({ n: 1 }),
    check: upstreamReplyCheck,
  };
  const bare: LoadTarget = {
    url: `${platform.bareGatewayUrl}/run`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ n: 1 }),
    check: upstreamReplyCheck,
  };
  const actionRun = actionRunTarget(platform.gatewayUrl, platform.credentials);
  const rows: [string, string, LoadTarget][] = [
    ['a', '(a) direct: undici → upstream', direct],
    ['b', '(b) bare minimum: node:http → NATS → bare executor → undici → upstream', bare],
    ['c', '(c) actions.run: gateway → NATS → action-executor → upstream', actionRun],
  ];
  const results = rows.map(([, label]) => ({ label, byClients: {} as Record<ClientCount, LoadResult> }));
  // Whose memory to watch during which row's 50-client cell.
  const watched = new Map<LoadTarget, number>([
    [bare, platform.bareExecutor.child.pid],
    [actionRun, executorPid(platform)],
  ]);
  const peakRssMiB = new Map<LoadTarget, number>();
  const cpuUse: CpuReading[] = [];
  for (const clients of CLIENT_COUNTS) {
    for (const [index, [key, label, target]] of rows.entries()) {
      const probes = windowProbes(platform, clients === 50 ? watched.get(target) : undefined);
      try {
        results[index].byClients[clients] = await measure(label, target, clients, { beforeMeasuring: () => probes.start() });
      } finally {
        const readings = await probes.stop();
        peakRssMiB.set(target, readings.peakRssMiB);
        if (clients === 50 && readings.cpuUse) cpuUse.push({ label: `${key}, 50 clients`, use: readings.cpuUse, requestsPerSecond: results[index].byClients[clients]?.requestsPerSecond ?? 0 });
      }
    }
  }
  const [directResults, bareResults, actionRunResults] = results as [PathResults, PathResults, PathResults];
  return {
    rows: {
      direct: directResults,
      bare: bareResults,
      actionRun: actionRunResults,
      executorPeakRssMiB: peakRssMiB.get(actionRun) ?? Number.NaN,
      executorIdleRssMiB,
      bareExecutorIdleRssMiB,
      bareExecutorPeakRssMiB: peakRssMiB.get(bare) ?? Number.NaN,
    },
    cpuUse,
  };
}

async function requestsByPort(platform: BenchPlatform, action: 'requests-by-port' | 'reset'): Promise<Record<string, number>> {
  const response = await fetch(`${platform.upstreamUrl}/__bench/${action}`, { method: action === 'reset' ? 'POST' : 'GET' });
  if (!response.ok) throw new Error(`the upstream answered ${response.status} to /__bench/${action}`);
  return (await response.json()) as Record<string, number>;
}

async function measureReplicas(platform: BenchPlatform): Promise<Measured<ReplicasReport>> {
  const slowRun = actionRunTarget(platform.gatewayUrl, platform.credentials, { 'x-bench-delay-ms': String(UPSTREAM_DELAY_MS) });
  const runs: ReplicaRun[] = [];
  const cpuUse: CpuReading[] = [];
  for (const executors of [1, 2]) {
    while (platform.executors.length < executors) {
      progress(`Starting action-executor replica #${platform.executors.length + 1}…`);
      await platform.addExecutorReplica();
    }
    const replicas = platform.executors.map((executor) => ({ name: executor.name, pid: executor.child.pid }));
    let owners: ReturnType<typeof startConnectionOwnerSampler> | undefined;
    let memory: ReturnType<typeof startPeakMemorySampler>[] = [];
    let cpu: Awaited<ReturnType<typeof startCpuMeter>> | undefined;
    const stopSamplers = async (): Promise<[Map<number, string>, number[], CpuUse | undefined]> => {
      const ownerMap = (await owners?.stop()) ?? new Map<number, string>();
      const peaks = await Promise.all(memory.map((sampler) => sampler.stop()));
      const used = await cpu?.stop();
      [owners, memory, cpu] = [undefined, [], undefined];
      return [ownerMap, peaks, used];
    };
    try {
      const result = await measure(`actions.run with ${executors} executor${executors === 1 ? '' : 's'}, upstream +${UPSTREAM_DELAY_MS} ms`, slowRun, REPLICA_CLIENTS, {
        beforeMeasuring: async () => {
          await requestsByPort(platform, 'reset');
          owners = startConnectionOwnerSampler(replicas, platform.upstreamPort);
          memory = replicas.map((replica) => startPeakMemorySampler(replica.pid));
          cpu = await startCpuMeter(meteredProcesses(platform));
        },
      });
      const [ownerMap, peakRssMiB, used] = await stopSamplers();
      if (used) cpuUse.push({ label: `c, ${REPLICA_CLIENTS} clients, upstream +${UPSTREAM_DELAY_MS} ms, ${executors} executor${executors === 1 ? '' : 's'}`, use: used, requestsPerSecond: result.requestsPerSecond });
      const split = splitByReplica(
        await requestsByPort(platform, 'requests-by-port'),
        ownerMap,
        replicas.map((replica) => replica.name),
      );
      progress(`  split: ${split.byReplica.map(({ name, requests }) => `${name} ${requests}`).join(', ')}, unattributed ${split.unattributed}`);
      runs.push({ executors, result, split, peakRssMiB });
    } finally {
      await stopSamplers();
    }
  }
  return { rows: { clients: REPLICA_CLIENTS, upstreamDelayMs: UPSTREAM_DELAY_MS, runs }, cpuUse };
}

async function measureWebhooks(platform: BenchPlatform): Promise<Measured<WebhookMeasurement>> {
  const receiver = await startForwardReceiver(teardown);
  const fixtures = await createWebhookFixtures(platform, receiver.url);
  const label = 'webhook receipts: gateway → NATS → executor (verify, store)';
  const receipts: PathResults = { label, byClients: {} as Record<ClientCount, LoadResult> };
  const cpuUse: CpuReading[] = [];
  let answered = 0;
  for (const clients of CLIENT_COUNTS) {
    const load = receiptTarget(fixtures.pulled, fixtures.signingSecret, `c${clients}`);
    const probes = windowProbes(platform, undefined);
    try {
      receipts.byClients[clients] = await measure(label, load.target, clients, { beforeMeasuring: () => probes.start() });
    } finally {
      const readings = await probes.stop();
      if (clients === 50 && readings.cpuUse) cpuUse.push({ label: 'webhook receipts, 50 clients', use: readings.cpuUse, requestsPerSecond: receipts.byClients[clients]?.requestsPerSecond ?? 0 });
    }
    answered += load.accepted();
  }
  const pulled = await pullEvents(platform, fixtures.pulled);
  progress(`  ${answered} receipts answered as stored; pulled back ${pulled.stored} stored and verified, ${pulled.otherwise} otherwise`);
  progress(`Receipt to forward: ${WEBHOOK_EVENTS} events at ${FORWARD_RATE_PER_SECOND}/s…`);
  const forwarding = await measureReceiptToForward(fixtures, receiver, { events: WEBHOOK_EVENTS, ratePerSecond: FORWARD_RATE_PER_SECOND, signal: stopping.signal });
  const { summary } = forwarding;
  progress(
    `  delivered ${summary.delivered} of ${summary.accepted}, lost ${summary.lost}, refused ${forwarding.refused}; ` +
      `200 → forward p50 ${summary.fromAnswer.p50Ms.toFixed(2)} ms, p99 ${summary.fromAnswer.p99Ms.toFixed(2)} ms`,
  );
  return {
    rows: { receipts, answered, pulled, signingMicroseconds: signingMicroseconds(fixtures.signingSecret), rateLimit: BENCH_WEBHOOK_RATE_LIMIT, forwarding },
    cpuUse,
  };
}

async function measureCaches(platform: BenchPlatform): Promise<Measured<CachesReport>> {
  const nats = await connect({ servers: platform.natsUrl, user: platform.natsCredentials?.user, pass: platform.natsCredentials?.password, name: 'bench-caches' });
  try {
    progress(`Cold path: ${COLD_ROUNDS} rounds of a connection change, then a cold and a warm run…`);
    const coldPath = await measureColdPath(platform, nats, COLD_ROUNDS, stopping.signal);
    progress(
      `  cold p50 ${coldPath.cold.p50Ms.toFixed(2)} ms, p99 ${coldPath.cold.p99Ms.toFixed(2)} ms; warm p50 ${coldPath.warm.p50Ms.toFixed(2)} ms, ` +
        `p99 ${coldPath.warm.p99Ms.toFixed(2)} ms; ${coldPath.coldRounds} of ${coldPath.rounds} really cold`,
    );
    progress(`Many tenants: writing ${TENANTS} workspaces × ${TENANT_CONNECTIONS} connections, and a secret each…`);
    const fixtures = await createTenantFixtures(
      { databaseUrl: platform.databaseUrl, nats, upstreamUrl: platform.upstreamUrl, apiKey: platform.apiKey, tenants: TENANTS, connectionsEach: TENANT_CONNECTIONS },
      stopping.signal,
    );
    progress(`  running every connection in turn, ${TENANT_PASSES} time${TENANT_PASSES === 1 ? '' : 's'} over…`);
    const cpu = await startCpuMeter(meteredProcesses(platform));
    const tenants = await measureTenants({ nats, executorPid: executorPid(platform), fixtures, passes: TENANT_PASSES }, stopping.signal);
    const cpuUse = await cpu.stop();
    progress(
      `  ${tenants.runs} runs in ${(tenants.elapsedMs / 1000).toFixed(1)} s, ${tenants.failed} failed; executor VmRSS peak ${tenants.rssMiB.peak.toFixed(0)} MiB; ` +
        `run plans: ${tenants.caches.run_plans.hits} hits, ${tenants.caches.run_plans.misses} misses, ${tenants.caches.run_plans.evictions} evictions`,
    );
    return { rows: { coldPath, tenants }, cpuUse: [{ label: `many tenants, ${tenants.runsInFlight} runs in flight over NATS`, use: cpuUse, requestsPerSecond: tenants.runs / (tenants.elapsedMs / 1000) }] };
  } finally {
    await nats.close();
  }
}

/** How each section that ran was measured, and every cell that had failures. */
function methodNotes(sections: { paths?: PathsReport; replicas?: ReplicasReport; webhooks?: WebhookMeasurement; caches?: CachesReport }): string[] {
  const { paths, replicas, webhooks, caches } = sections;
  const notes = [
    'Load: one undici `Pool` with as many connections as clients, each client a loop (send, wait for the whole answer, send again); ' +
      'req/s = successful answers in the measured window ÷ its length; p50/p99 by nearest rank over every successful request, timed with `performance.now()`. ' +
      'A request counts as successful only if it answered 200 and the upstream\'s JSON came back (for c: the run\'s `status` 200 and the upstream body; ' +
      'for webhook receipts: `{event_id, duplicate: false}`).',
  ];
  if (paths || replicas) {
    notes.push(
      'Upstream: `node:http` on 127.0.0.1 answering `{"ok":true,"message":"pong"}`; it refuses (401) any request without the right `x-api-key`, ' +
        `so (c) only succeeds if the \`$Token{${SECRET_KEY}}\` reference in its input was resolved from the workspace secret.`,
    );
  }
  if (paths) {
    notes.push(
      '(b) is tools/bench/baseline: a bare `node:http` server that sends each body as one NATS request, and a bare process that POSTs it to the upstream with ' +
        'an undici Pool (50 connections, as the executor\'s default `OUTBOUND_MAX_CONNECTIONS_PER_ORIGIN`) and replies with the body; no framework, validation, auth or logging.',
      '(c) is `POST /v1/actions/run` with the workspace key, an `x-api-key` input header holding `$Token{BENCH_KEY}`, and a JSON body, through the real gateway, NATS and ' +
        'action-executor (with the catalog, connection and secrets-vault services it asks), caches warm after the warm-up. Services run with `LOG_LEVEL=warn`, ' +
        'executors with `info` only to announce readiness (no line per run is written at info).',
    );
  }
  if (webhooks) {
    notes.push(
      'Webhook receipts go through the real gateway (rate limiter, raw body), NATS and action-executor, which resolves the receive id (cached) and the signing ' +
        'secret (the runs\' cache and audit: each use is reported to the secrets-vault), verifies the GitHub signature, checks for a replay under an advisory ' +
        'lock and inserts the event before answering. ' +
        'Forwarding: the executor publishes each accepted event to the `WEBHOOK_DELIVERIES` stream, pulls it, signs it and POSTs it; the endpoint runs in the ' +
        'bench process, so its arrival times and the sender\'s share one clock, and its work (verifying, 204) loads the same CPU as the sending.',
    );
  }
  if (caches) {
    notes.push(
      'Caches: counters from `executor.cache-stats.fetch` (the one executor\'s `CacheCounters`), differences over the row. The many-tenants workspaces ' +
        'were written with SQL into the catalog\'s and connection service\'s tables and their secrets through the vault\'s `secrets.secret.create`; ' +
        'their runs go straight to the executor over NATS, so the gateway\'s cost is not in them. A single pass loads every connection for the first ' +
        'time and can only miss; it shows that each cache stays at its cap and memory with it. Expirations are entries reloaded after ' +
        '`EXECUTOR_CACHE_MAX_AGE_MS` (30 s), which a row longer than that has. The replica rows that follow run with this executor\'s caches full.',
    );
  }
  notes.push(
    'CPU by process covers the processes the bench started with Node (and itself), not nats-server and PostgreSQL: what "machine busy" has beyond the listed ones is theirs, or other work on the machine.',
  );
  notes.push('PostgreSQL is a throw-away cluster (`fsync`, `synchronous_commit` and `full_page_writes` off), so run-record and event writes cost less than on a durable database.');
  if (paths) notes.push('Executor memory: VmRSS from /proc/<pid>/status, sampled every 200 ms during the measured window; the peak is reported.');
  if (replicas) {
    notes.push(
      'Runs per replica: the upstream counts requests per client TCP port; while the load runs, the bench reads every executor\'s socket inodes (/proc/<pid>/fd) ' +
        'and matches them with /proc/<pid>/net/tcp to learn which executor owns which port. Connections opened and closed between two 200 ms polls would stay unattributed and are shown as such.',
      `One executor keeps at most 50 connections to an origin, so at ${UPSTREAM_DELAY_MS} ms per upstream answer one replica cannot exceed about ${Math.round(50 / (UPSTREAM_DELAY_MS / 1000))} req/s.`,
    );
  }
  const loadRows = [...(paths ? [paths.direct, paths.bare, paths.actionRun] : []), ...(webhooks ? [webhooks.receipts] : [])];
  const cells = [
    ...loadRows.flatMap((path) => CLIENT_COUNTS.map((clients) => ({ label: path.label, load: path.byClients[clients] }))),
    ...(replicas?.runs ?? []).map((run) => ({ label: `actions.run with ${run.executors} executor(s)`, load: run.result })),
  ];
  for (const { label, load } of cells) {
    if (load.failed > 0) notes.push(`**Failures** in ${label} at ${load.clients} clients: ${load.failed}; first: ${load.firstFailure ?? 'unknown'}`);
  }
  return notes;
}

/** The commit measured, and whether the services' code (apps/, libs/) differed from it. */
async function codeRevision(): Promise<string> {
  const git = (...args: string[]) => promisify(execFile)('git', args, { cwd: REPO_ROOT }).then(({ stdout }) => stdout.trim());
  const [commit, changes] = await Promise.all([git('rev-parse', '--short', 'HEAD'), git('status', '--porcelain', '--', 'apps', 'libs')]);
  return changes ? `commit ${commit} with uncommitted changes in apps/ or libs/` : `commit ${commit}`;
}

async function main(): Promise<void> {
  // Read before the bench starts anything, so that it shows other work on the machine rather than our own start-up.
  const loadBefore = loadavg()[0] ?? Number.NaN;
  if (loadBefore > availableParallelism() / 2) progress(`The machine is busy (1-minute load average ${loadBefore.toFixed(2)}): the figures will be skewed.`);
  const build = await buildWorkspace(REPO_ROOT);
  progress(`Compiled ${build.files} files to dist/ in ${build.durationMs} ms.`);
  progress('Starting NATS, PostgreSQL, the upstream, the baseline pair and the five services…');
  const platform = await startBenchPlatform({
    teardown,
    progress,
    signal: stopping.signal,
    onUnexpectedExit: (error) => stopping.abort(error),
  });
  await createRunFixtures(platform.gatewayUrl, platform.credentials, platform.upstreamUrl, platform.apiKey);
  progress(`Platform ready (gateway ${platform.gatewayUrl}, upstream ${platform.upstreamUrl}); measuring ${SECTIONS.join(', ')}.`);

  const cpuUse: CpuReading[] = [];
  const run = async <Rows>(measured: Promise<Measured<Rows>>): Promise<Rows> => {
    const { rows, cpuUse: used } = await measured;
    cpuUse.push(...used);
    return rows;
  };
  const paths = SECTIONS.includes('paths') ? await run(measurePaths(platform)) : undefined;
  const webhooks = SECTIONS.includes('webhooks') ? await run(measureWebhooks(platform)) : undefined;
  const caches = SECTIONS.includes('caches') ? await run(measureCaches(platform)) : undefined;
  const replicas = SECTIONS.includes('replicas') ? await run(measureReplicas(platform)) : undefined;
  let largeImport: ImportMeasurement | undefined;
  // Last, so that the catalog's and gateway's memory after a large import cannot weigh on the load rows.
  if (SECTIONS.includes('import')) {
    progress(`Importing a generated OpenAPI document of ${IMPORT_RESOURCES * 5} operations: preview, then commit…`);
    largeImport = await measureImport(platform, IMPORT_RESOURCES);
    progress(
      `  ${largeImport.actions} actions; preview ${(largeImport.preview.ms / 1000).toFixed(1)} s, commit ${(largeImport.commit.ms / 1000).toFixed(1)} s; ` +
        `catalog peak ${largeImport.commit.peakRssMiB.catalog.toFixed(0)} MiB`,
    );
  }
  const skipped = BENCH_SECTIONS.filter((section) => !SECTIONS.includes(section));
  const report = renderReport({
    date: new Date(),
    machine: await describeMachine(),
    warmupMs: WARMUP_MS,
    durationMs: DURATION_MS,
    revision: await codeRevision(),
    loadAverageBefore: loadBefore,
    skipped,
    paths,
    replicas,
    webhooks,
    caches,
    largeImport,
    cpuUse,
    notes: methodNotes({ paths, replicas, webhooks, caches }),
  });
  process.stdout.write(`${report}\n`);
  // A partial report would drop the other sections' last figures from the file the repository keeps.
  if (skipped.length > 0) {
    progress(`BENCH_ONLY left out ${skipped.join(', ')}: ${RESULTS_FILE} is left as it was.`);
    return;
  }
  await mkdir(join(REPO_ROOT, 'bench'), { recursive: true });
  await writeFile(RESULTS_FILE, report);
  progress(`Wrote ${RESULTS_FILE}.`);
}

async function finish(code: number, reason?: unknown): Promise<never> {
  if (reason !== undefined) progress(reason instanceof Error ? (reason.stack ?? reason.message) : inspect(reason));
  progress('Stopping everything the bench started…');
  await teardown.run(progress);
  progress(`Done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s.`);
  process.exit(code);
}

let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupts += 1;
    if (interrupts === 1) {
      progress(`${signal}: stopping.`);
      stopping.abort(new Error(`interrupted by ${signal}`));
      void finish(130);
    } else {
      progress('Killing the services now; still waiting for NATS and PostgreSQL to stop.');
      teardown.killChildren();
    }
  });
}
// Whatever way the bench ends, no service it started outlives it.
process.on('exit', () => teardown.killChildren());

try {
  await main();
} catch (error) {
  if (!stopping.signal.aborted || interrupts === 0) await finish(1, stopping.signal.aborted ? stopping.signal.reason : error);
}
if (interrupts === 0) await finish(0);
