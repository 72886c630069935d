import type { ImportMeasurement, ImportStep } from './import-measurement.js';
import type { LoadResult } from './load-generator.js';
import type { MachineDescription } from './machine-description.js';
import type { CpuUse } from './process-probes.js';
import type { ReplicaSplit } from './replica-split.js';

export const CLIENT_COUNTS = [1, 50] as const;
export type ClientCount = (typeof CLIENT_COUNTS)[number];

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

export interface BenchReport {
  date: Date;
  machine: MachineDescription;
  warmupMs: number;
  durationMs: number;
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
  /** The code measured: commit, and whether apps/ or libs/ had uncommitted changes. */
  revision: string;
  /** 1-minute load average before the bench started anything: other work on the machine skews every figure. */
  loadAverageBefore: number;
  replicaClients: number;
  replicaUpstreamDelayMs: number;
  replicaRuns: ReplicaRun[];
  /** CPU use during some measured windows, labelled. */
  cpuUse: { label: string; use: CpuUse }[];
  /** Preview and commit of a large generated API document through the gateway. */
  largeImport: ImportMeasurement;
  notes: string[];
}

/** Targets from the issue. */
export const TARGETS = { minThroughputRatioAt50: 0.5, maxP50GapAt1Ms: 1, maxExecutorRssMiB: 150 } as const;

const requestsPerSecond = (value: number): string => Math.round(value).toLocaleString('en-US');
const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '–');
const ratio = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '–');
const met = (ok: boolean): string => (ok ? '✅ met' : '❌ not met');

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

/** The bench's results as markdown: the main table with ratios, the targets, the replica comparison, the machine. */
export function renderReport(report: BenchReport): string {
  const { direct, bare, actionRun } = report;
  const throughputRatio = actionRun.byClients[50].requestsPerSecond / bare.byClients[50].requestsPerSecond;
  const p50Gap = actionRun.byClients[1].p50Ms - bare.byClients[1].p50Ms;
  const { machine } = report;
  const lines = [
    '# Switchboard benchmark',
    '',
    `Run ${report.date.toISOString()} with \`npm run bench\` on ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `${machine.totalMemoryGiB.toFixed(1)} GiB RAM, Node ${machine.node}, ${machine.kernel}. ` +
      `Every process (load generator, upstream, services, NATS, PostgreSQL) runs on this one machine; ` +
      `its 1-minute load average was ${report.loadAverageBefore.toFixed(2)} before the bench started anything` +
      (report.loadAverageBefore > machine.cpus / 2 ? ' (**other work was running: the figures are skewed by it**).' : '.'),
    '',
    `Code: ${report.revision}.`,
    '',
    `Each cell: ${report.warmupMs / 1000} s warm-up, then ${report.durationMs / 1000} s measured; closed-loop clients (each sends its next ` +
      'request when the last one answered) over keep-alive connections, the same undici generator for every row. Latencies in ms.',
    '',
    '| path | 1 client: req/s | p50 | p99 | 50 clients: req/s | p50 | p99 | failed (1 / 50) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
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
    `| action-executor VmRSS during c at 50 clients ≤ ${TARGETS.maxExecutorRssMiB} MiB | peak ${report.executorPeakRssMiB.toFixed(0)} MiB | ${met(report.executorPeakRssMiB <= TARGETS.maxExecutorRssMiB)} |`,
    '',
    `For scale: idle after start-up the action-executor used ${report.executorIdleRssMiB.toFixed(0)} MiB and the baseline's bare executor ` +
      `${report.bareExecutorIdleRssMiB.toFixed(0)} MiB (node, a NATS client and undici, no service code), which peaked at ` +
      `${report.bareExecutorPeakRssMiB.toFixed(0)} MiB during b at 50 clients. Both run compiled (dist/, plain node), as in production (Dockerfile).`,
    '',
    `## action-executor replicas: actions.run, ${report.replicaClients} clients, upstream answering after ${report.replicaUpstreamDelayMs} ms`,
    '',
    '| executors | req/s | p50 | p99 | failed | runs per replica (upstream requests) | peak VmRSS per replica |',
    '|---:|---:|---:|---:|---:|---|---|',
    ...report.replicaRuns.map(
      (run) =>
        `| ${run.executors} | ${requestsPerSecond(run.result.requestsPerSecond)} | ${ms(run.result.p50Ms)} | ${ms(run.result.p99Ms)} | ${run.result.failed} | ` +
        `${splitCell(run.split)} | ${run.peakRssMiB.map((mib) => `${mib.toFixed(0)} MiB`).join(', ')} |`,
    ),
    '',
    `## CPU during the measured window (% of one CPU; this machine has ${machine.cpus}, so ${machine.cpus * 100} % is all of it)`,
    '',
    '| run | machine busy | by process (≥ 1 %) |',
    '|---|---:|---|',
    ...report.cpuUse.map(
      ({ label, use }) =>
        `| ${label} | ${use.machinePercent.toFixed(0)} % | ${use.byProcess
          .filter((entry) => entry.percent >= 1)
          .map((entry) => `${entry.name} ${entry.percent.toFixed(0)} %`)
          .join(', ')} |`,
    ),
    '',
    ...importSection(report.largeImport),
    '## How it was measured',
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
  ];
  return lines.join('\n');
}
