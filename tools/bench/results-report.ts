import { EXECUTOR_CACHES } from '@switchboard/contracts';
import type { BenchSection } from './bench-sections.js';
import type { ColdPathMeasurement } from './cold-path-measurement.js';
import type { LatencyPercentiles } from './forward-latency.js';
import type { ImportMeasurement, ImportStep } from './import-measurement.js';
import type { LoadResult } from './load-generator.js';
import type { MachineDescription } from './machine-description.js';
import type { CpuUse } from './process-probes.js';
import type { ReplicaSplit } from './replica-split.js';
import type { CacheStatsDelta, TenantsMeasurement } from './tenants-measurement.js';
import type { WebhookMeasurement } from './webhook-measurement.js';

export const CLIENT_COUNTS = [1, 50] as const;
export type ClientCount = (typeof CLIENT_COUNTS)[number];

/** The CPU a measured window used, and the requests per second answered in it: their ratio is CPU per request. */
export interface CpuReading {
  label: string;
  use: CpuUse;
  requestsPerSecond: number;
}

export interface PathResults {
  label: string;
  byClients: Record<ClientCount, LoadResult>;
}

export interface ReplicaRun {
  executors: number;
  result: LoadResult;
  split: ReplicaSplit;
  peakRssMiB: number[];
}

/** Rows (a), (b), (c) and the action-executor's memory. */
export interface PathsReport {
  direct: PathResults;
  bare: PathResults;
  actionRun: PathResults;
  /** Peak VmRSS of the action-executor during row (c) at 50 clients. */
  executorPeakRssMiB: number;
  /** VmRSS of the action-executor once started, before any load. */
  executorIdleRssMiB: number;
  /** VmRSS of the baseline's bare executor before any load: the floor of node + @swc-node/register + NATS client + undici. */
  bareExecutorIdleRssMiB: number;
  /** Peak VmRSS of the baseline's bare executor during row (b) at 50 clients, for comparison. */
  bareExecutorPeakRssMiB: number;
}

export interface ReplicasReport {
  clients: number;
  upstreamDelayMs: number;
  runs: ReplicaRun[];
}

/** The caches section: the cold path row and the many-tenants row. */
export interface CachesReport {
  coldPath: ColdPathMeasurement;
  tenants: TenantsMeasurement;
}

export interface BenchReport {
  date: Date;
  machine: MachineDescription;
  warmupMs: number;
  durationMs: number;
  /** The code measured: commit, and whether apps/ or libs/ had uncommitted changes. */
  revision: string;
  /** 1-minute load average before the bench started anything: other work on the machine skews every figure. */
  loadAverageBefore: number;
  /** The sections BENCH_ONLY left out, named so that a partial report cannot pass for a whole one. */
  skipped: readonly BenchSection[];
  paths?: PathsReport;
  replicas?: ReplicasReport;
  webhooks?: WebhookMeasurement;
  caches?: CachesReport;
  /** Preview and commit of a large generated API document through the gateway. */
  largeImport?: ImportMeasurement;
  /** CPU use during some measured windows, labelled. */
  cpuUse: CpuReading[];
  notes: string[];
}

/** Targets from the issue. */
export const TARGETS = { minThroughputRatioAt50: 0.5, maxP50GapAt1Ms: 1, maxExecutorRssMiB: 150, maxColdGapMs: 3, maxSecondHalfRssGrowth: 0.1 } as const;

const requestsPerSecond = (value: number): string => Math.round(value).toLocaleString('en-US');
const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '–');
const ratio = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '–');
const met = (ok: boolean): string => (ok ? '✅ met' : '❌ not met');

const LOAD_TABLE_HEAD = [
  '| path | 1 client: req/s | p50 | p99 | 50 clients: req/s | p50 | p99 | failed (1 / 50) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
];

function pathRow(path: PathResults): string {
  const cells = CLIENT_COUNTS.flatMap((clients) => {
    const result = path.byClients[clients];
    return [requestsPerSecond(result.requestsPerSecond), ms(result.p50Ms), ms(result.p99Ms)];
  });
  const failed = CLIENT_COUNTS.map((clients) => path.byClients[clients].failed).join(' / ');
  return `| ${path.label} | ${cells.join(' | ')} | ${failed} |`;
}

function ratioRow(label: string, over: PathResults, under: PathResults): string {
  const cells = CLIENT_COUNTS.flatMap((clients) => {
    const [c, base] = [over.byClients[clients], under.byClients[clients]];
    return [ratio(c.requestsPerSecond / base.requestsPerSecond), `${ratio(c.p50Ms / base.p50Ms)}×`, `${ratio(c.p99Ms / base.p99Ms)}×`];
  });
  return `| ${label} | ${cells.join(' | ')} | |`;
}

function splitCell(split: ReplicaSplit): string {
  const share = (requests: number): string => (split.total > 0 ? `${((100 * requests) / split.total).toFixed(1)} %` : '–');
  const parts = split.byReplica.map(({ name, requests }) => `${name}: ${requests.toLocaleString('en-US')} (${share(requests)})`);
  if (split.unattributed > 0) parts.push(`unattributed: ${split.unattributed.toLocaleString('en-US')} (${share(split.unattributed)})`);
  return parts.join(', ');
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (value: number): string => `${value.toFixed(0)} MiB`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

function importRow(label: string, step: ImportStep): string {
  return `| ${label} | ${seconds(step.ms)} | ${kib(step.replyBytes)} | ${mib(step.peakRssMiB.gateway)} | ${mib(step.peakRssMiB.catalog)} |`;
}

function importSection(measured: ImportMeasurement): string[] {
  return [
    `## Import of a large API document: ${measured.operations.toLocaleString('en-US')} operations`,
    '',
    `A generated OpenAPI 3.0.3 document shaped like a large real API (\`largeOpenApiDocument\` of \`@switchboard/api-documents\`: ` +
      `shared components with \`$ref\`s between them, \`anyOf\`, a recursive type, form-encoded bodies), ` +
      `${(measured.documentBytes / 1024 / 1024).toFixed(2)} MiB, sent as text; it became an app of ${measured.actions.toLocaleString('en-US')} actions ` +
      `with ${measured.warningTotal} warnings. One request at a time, after the load rows.`,
    '',
    '| step | time | reply | gateway peak VmRSS | catalog peak VmRSS |',
    '|---|---:|---:|---:|---:|',
    importRow('preview: `POST /v1/apps/import/preview` with the document', measured.preview),
    importRow('commit: `POST /v1/apps/import` with the preview\'s `import_id`', measured.commit),
    '',
    `Time: the HTTP request, sent to answered. Memory: VmRSS of the gateway process (which stores the document in the Object Store) and of the ` +
      `catalog process (which reads, validates, dereferences and, on commit, stores it), sampled every 50 ms during each request; before the preview they ` +
      `used ${mib(measured.idleRssMiB.gateway)} and ${mib(measured.idleRssMiB.catalog)}. Reply: the body's size, which crossed NATS from the catalog ` +
      'as one message (1 MiB at most).',
    '',
  ];
}

function webhookSection(measured: WebhookMeasurement): string[] {
  const { forwarding, pulled } = measured;
  const { summary } = forwarding;
  const latencyRow = (label: string, latency: LatencyPercentiles): string => `| ${label} | ${ms(latency.p50Ms)} | ${ms(latency.p95Ms)} | ${ms(latency.p99Ms)} |`;
  const storedAsAnswered = pulled.stored === measured.answered && pulled.otherwise === 0;
  return [
    '## Webhooks: receipts and forwarding',
    '',
    'Receipts: `POST /hooks/whk_…` of a GitHub-scheme webhook without forward URL (the product pulls its events), its signing secret a ' +
      '`$Token{}` reference to a workspace secret; each request a new event (own `X-GitHub-Delivery`, body naming it, `X-Hub-Signature-256` ' +
      'computed as it is sent), so replay protection stores every one. A receipt counts only when answered 200 `{event_id, duplicate: false}`, ' +
      'which the executor sends once the event is verified and stored. Cells as described above: same generator, warm-up and measured window as every load row; ' +
      'one action-executor.',
    '',
    ...LOAD_TABLE_HEAD,
    pathRow(measured.receipts),
    '',
    `Stored: ${measured.answered.toLocaleString('en-US')} receipts were answered as stored (warm-ups included); pulling the webhook's events back by ` +
      `sequence (\`GET …/events?after_sequence=\`) found ${pulled.stored.toLocaleString('en-US')} stored and verified and ${pulled.otherwise} otherwise ` +
      `(${met(storedAsAnswered)}). Signing one event cost the load generator ${measured.signingMicroseconds.toFixed(1)} µs. The gateway's per-receive-id ` +
      `rate limit was raised for the bench to \`WEBHOOK_RATE_LIMIT_PER_SECOND=${measured.rateLimit.perSecond}\`, ` +
      `\`WEBHOOK_RATE_LIMIT_BURST=${measured.rateLimit.burst}\` (defaults 50 and 200, at which one webhook is answered 429 above 50 receipts/s).`,
    '',
    `Receipt to forward: ${forwarding.events.toLocaleString('en-US')} events sent one by one at ${forwarding.ratePerSecond}/s (on schedule, whatever the ` +
      'answers) to a GitHub-scheme webhook forwarding to an endpoint in the bench process, which verifies Switchboard\'s Standard Webhooks ' +
      'signature with the `standardwebhooks` package, checks the body is the bytes sent, records the arrival per `webhook-id` and answers 204. ' +
      'Latency in ms, from the receipt\'s 200 (negative when the forward came first) and from the send, to the first valid arrival.',
    '',
    '| from → to | p50 | p95 | p99 |',
    '|---|---:|---:|---:|',
    latencyRow("receipt's 200 read → forward arrived", summary.fromAnswer),
    latencyRow('receipt sent → forward arrived', summary.fromSend),
    '',
    `Delivered ${summary.delivered.toLocaleString('en-US')} of ${summary.accepted.toLocaleString('en-US')} accepted, lost ${summary.lost} (${met(summary.lost === 0)}); ` +
      `receipts refused ${forwarding.refused}${forwarding.firstRefusal ? ` (first: ${forwarding.firstRefusal})` : ''}; ` +
      `arrivals unsigned or altered ${summary.invalid}, repeated ${summary.repeated}, for no accepted event ${summary.unexpected}.`,
    '',
  ];
}

function pathsSection(paths: PathsReport): string[] {
  const { direct, bare, actionRun } = paths;
  const throughputRatio = actionRun.byClients[50].requestsPerSecond / bare.byClients[50].requestsPerSecond;
  const p50Gap = actionRun.byClients[1].p50Ms - bare.byClients[1].p50Ms;
  return [
    ...LOAD_TABLE_HEAD,
    pathRow(direct),
    pathRow(bare),
    pathRow(actionRun),
    ratioRow('**c/b**', actionRun, bare),
    ratioRow('**c/a**', actionRun, direct),
    '',
    'Ratio rows: req/s of c divided by that of b (or a); the latency columns likewise, as multiples.',
    '',
    '| target | measured | |',
    '|---|---:|---|',
    `| c/b req/s at 50 clients ≥ ${TARGETS.minThroughputRatioAt50} | ${ratio(throughputRatio)} | ${met(throughputRatio >= TARGETS.minThroughputRatioAt50)} |`,
    `| c p50 − b p50 at 1 client ≤ ${TARGETS.maxP50GapAt1Ms} ms | ${p50Gap >= 0 ? '+' : ''}${ms(p50Gap)} ms | ${met(p50Gap <= TARGETS.maxP50GapAt1Ms)} |`,
    `| action-executor VmRSS during c at 50 clients ≤ ${TARGETS.maxExecutorRssMiB} MiB | peak ${paths.executorPeakRssMiB.toFixed(0)} MiB | ${met(paths.executorPeakRssMiB <= TARGETS.maxExecutorRssMiB)} |`,
    '',
    `For scale: idle after start-up the action-executor used ${paths.executorIdleRssMiB.toFixed(0)} MiB and the baseline's bare executor ` +
      `${paths.bareExecutorIdleRssMiB.toFixed(0)} MiB (node, a NATS client and undici, no service code), which peaked at ` +
      `${paths.bareExecutorPeakRssMiB.toFixed(0)} MiB during b at 50 clients. Both run compiled (dist/, plain node), as in production (Dockerfile).`,
    '',
  ];
}

const count = (value: number): string => value.toLocaleString('en-US');
const percent = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–');
const signedMs = (value: number): string => `${value >= 0 ? '+' : ''}${ms(value)} ms`;

function cacheRow(name: string, whole: CacheStatsDelta, lastPass: CacheStatsDelta | undefined): string {
  const lastPassCell = lastPass ? ` ${percent(lastPass.hits, lastPass.hits + lastPass.misses)} |` : '';
  return (
    `| \`${name}\` | ${count(whole.max_entries)} | ${count(whole.size)} | ${count(whole.hits)} | ${count(whole.misses)} | ` +
    `${percent(whole.hits, whole.hits + whole.misses)} |${lastPassCell} ${count(whole.evictions)} | ${count(whole.expirations)} |`
  );
}

/** The cold path row (cold against warm at one client) and the many-tenants row (memory and counters by cache), with targets. */
export function cachesSection({ coldPath, tenants }: CachesReport): string[] {
  const p50Gap = coldPath.cold.p50Ms - coldPath.warm.p50Ms;
  const p99Gap = coldPath.cold.p99Ms - coldPath.warm.p99Ms;
  const allCold = coldPath.coldRounds === coldPath.rounds && coldPath.warmRounds === coldPath.rounds;
  const cap = Math.max(...EXECUTOR_CACHES.map((name) => tenants.caches[name].max_entries));
  const sizesWithinCaps = EXECUTOR_CACHES.every((name) => tenants.caches[name].size <= tenants.caches[name].max_entries);
  const connections = tenants.tenants * tenants.connectionsEach;
  const { passes } = tenants;
  return [
    '## Caches: the cold path, and many tenants',
    '',
    `Cold path: ${count(coldPath.rounds)} rounds of row (c), one client: \`PATCH /v1/products/bench/connections/upstream\` (a variable's value), ` +
      'wait until the executor counted the invalidation (`executor.cache-stats.fetch`), then one run (cold: its plan and secrets fetched again ' +
      'over NATS) and one more (warm). Latency in ms, sent to answered, through the gateway.',
    '',
    '| run | p50 | p99 |',
    '|---|---:|---:|',
    `| cold: first run after the connection changed | ${ms(coldPath.cold.p50Ms)} | ${ms(coldPath.cold.p99Ms)} |`,
    `| warm: the run after it | ${ms(coldPath.warm.p50Ms)} | ${ms(coldPath.warm.p99Ms)} |`,
    `| **cold − warm** | ${signedMs(p50Gap)} | ${signedMs(p99Gap)} |`,
    '',
    `Of ${count(coldPath.rounds)} rounds, ${count(coldPath.coldRounds)} cold runs missed in both the run plan and the secret cache and ` +
      `${count(coldPath.warmRounds)} warm runs missed in neither (${met(allCold)}); the executor had dropped the plans ` +
      `${ms(coldPath.invalidationSeen.p50Ms)} ms (p50, p99 ${ms(coldPath.invalidationSeen.p99Ms)} ms) after the PATCH answered.`,
    '',
    `Many tenants: ${count(tenants.tenants)} workspaces × ${tenants.connectionsEach} connections (${count(connections)}), each with its own app, ` +
      `product and \`$Token{BENCH_KEY}\` secret, run in turn ${passes === 1 ? 'once' : `${passes} times over`} ` +
      `(${count(tenants.runs)} runs, ${tenants.runsInFlight} in flight) straight to the executor over NATS in ` +
      `${seconds(tenants.elapsedMs)} (${requestsPerSecond(tenants.runs / (tenants.elapsedMs / 1000))} runs/s); failed ${count(tenants.failed)}` +
      `${tenants.firstFailure ? ` (first: ${tenants.firstFailure})` : ''}.`,
    '',
    `| cache | cap | size after | hits | misses | hit rate |${passes > 1 ? ' hit rate, last pass |' : ''} evictions | expirations |`,
    `|---|---:|---:|---:|---:|---:|${passes > 1 ? '---:|' : ''}---:|---:|`,
    ...EXECUTOR_CACHES.map((name) => cacheRow(name, tenants.caches[name], passes > 1 ? tenants.lastPass[name] : undefined)),
    '',
    '| target | measured | |',
    '|---|---:|---|',
    `| cold p50 − warm p50 at 1 client ≤ ${TARGETS.maxColdGapMs} ms | ${signedMs(p50Gap)} | ${met(p50Gap <= TARGETS.maxColdGapMs)} |`,
    `| every cache within its cap (${count(cap)}) after ${count(connections)} connections | ${sizesWithinCaps ? 'yes' : 'no'} | ${met(sizesWithinCaps)} |`,
    boundedRow(tenants.rssByProgress),
    '',
    `Executor VmRSS: ${mib(tenants.rssMiB.before)} before the row, peak ${mib(tenants.rssMiB.peak)} during it (sampled every 200 ms), ` +
      `${mib(tenants.rssMiB.after)} right after it; as the runs went on: ` +
      `${tenants.rssByProgress.map(({ runs, rssMiB }) => `${mib(rssMiB)} after ${count(runs)} runs`).join(', ')} ` +
      '(flat once the caches are at their cap, if they are what bounds it).',
    '',
  ];
}

// Bounded means flat once the caches are full: over the second half of the runs, memory grows by no more than a tenth.
function boundedRow(progress: CachesReport['tenants']['rssByProgress']): string {
  const last = progress.at(-1);
  const half = progress.find(({ runs }) => last !== undefined && runs >= last.runs / 2);
  const what = `action-executor VmRSS over the second half of the many-tenants row grows ≤ ${TARGETS.maxSecondHalfRssGrowth * 100} %`;
  if (!last || !half || half === last) return `| ${what} | too few samples | ❌ not met |`;
  const growth = last.rssMiB / half.rssMiB - 1;
  return (
    `| ${what} | ${mib(half.rssMiB)} after ${count(half.runs)} runs → ${mib(last.rssMiB)} after ${count(last.runs)} ` +
    `(${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %) | ${met(growth <= TARGETS.maxSecondHalfRssGrowth)} |`
  );
}

function replicasSection(replicas: ReplicasReport): string[] {
  return [
    `## action-executor replicas: actions.run, ${replicas.clients} clients, upstream answering after ${replicas.upstreamDelayMs} ms`,
    '',
    '| executors | req/s | p50 | p99 | failed | runs per replica (upstream requests) | peak VmRSS per replica |',
    '|---:|---:|---:|---:|---:|---|---|',
    ...replicas.runs.map(
      (run) =>
        `| ${run.executors} | ${requestsPerSecond(run.result.requestsPerSecond)} | ${ms(run.result.p50Ms)} | ${ms(run.result.p99Ms)} | ${run.result.failed} | ` +
        `${splitCell(run.split)} | ${run.peakRssMiB.map((mib) => `${mib.toFixed(0)} MiB`).join(', ')} |`,
    ),
    '',
  ];
}

// A share of one CPU (100 % = one CPU-second per second) over requests per second: CPU milliseconds per request.
function cpuPerRequestMs(percent: number, perSecond: number): string {
  return perSecond > 0 ? ((percent * 10) / perSecond).toFixed(2) : '–';
}

function cpuSection(report: BenchReport): string[] {
  const { cpus } = report.machine;
  return [
    `## CPU during the measured window (% of one CPU; this machine has ${cpus}, so ${cpus * 100} % is all of it)`,
    '',
    'Each process: its share of one CPU, then the CPU it spent per request answered (ms): the figure that shows where a run\'s time goes, and the one least skewed by other work on the machine.',
    '',
    '| run | req/s | machine busy | by process (≥ 1 %): share · CPU per request |',
    '|---|---:|---:|---|',
    ...report.cpuUse.map(
      ({ label, use, requestsPerSecond: perSecond }) =>
        `| ${label} | ${requestsPerSecond(perSecond)} | ${use.machinePercent.toFixed(0)} % | ${use.byProcess
          .filter((entry) => entry.percent >= 1)
          .map((entry) => `${entry.name} ${entry.percent.toFixed(0)} % · ${cpuPerRequestMs(entry.percent, perSecond)} ms`)
          .join(', ')} |`,
    ),
    '',
  ];
}

/** The bench's results as markdown: each section that ran (the main table with ratios and targets, webhooks, replicas, import), the machine. */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    '# Switchboard benchmark',
    '',
    `Run ${report.date.toISOString()} with \`npm run bench\`${report.skipped.length > 0 ? ' (`BENCH_ONLY`)' : ''} on ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `${machine.totalMemoryGiB.toFixed(1)} GiB RAM, Node ${machine.node}, ${machine.kernel}. ` +
      `Every process (load generator, upstream, services, NATS, PostgreSQL) runs on this one machine; ` +
      `its 1-minute load average was ${report.loadAverageBefore.toFixed(2)} before the bench started anything` +
      (report.loadAverageBefore > machine.cpus / 2 ? ' (**other work was running: the figures are skewed by it**).' : '.'),
    '',
    `Code: ${report.revision}.`,
    '',
    ...(report.skipped.length > 0 ? [`**Partial run**: not measured this time: ${report.skipped.join(', ')}.`, ''] : []),
    `Each cell: ${report.warmupMs / 1000} s warm-up, then ${report.durationMs / 1000} s measured; closed-loop clients (each sends its next ` +
      'request when the last one answered) over keep-alive connections, the same undici generator for every row. Latencies in ms.',
    '',
    ...(report.paths ? pathsSection(report.paths) : []),
    ...(report.webhooks ? webhookSection(report.webhooks) : []),
    ...(report.caches ? cachesSection(report.caches) : []),
    ...(report.replicas ? replicasSection(report.replicas) : []),
    ...(report.cpuUse.length > 0 ? cpuSection(report) : []),
    ...(report.largeImport ? importSection(report.largeImport) : []),
    '## How it was measured',
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}
