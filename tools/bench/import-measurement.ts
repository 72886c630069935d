// The import row: a large API document, shaped like a real one, previewed and then committed through the gateway
// (POST /v1/apps/import/preview, POST /v1/apps/import), timed, with the peak memory of the processes doing the work.
import { largeOpenApiDocument } from '@switchboard/api-documents';
import { authHeaders } from './bench-fixtures.js';
import type { BenchPlatform } from './bench-platform.js';
import { residentMemoryMiB, startPeakMemorySampler } from './process-probes.js';

/** The services an import passes through with a document given as text: the gateway stores it, the catalog reads it. */
export const IMPORT_SERVICES = ['gateway', 'catalog'] as const;
type ImportService = (typeof IMPORT_SERVICES)[number];

// An import takes seconds: a finer poll than the load rows' catches a short peak.
const MEMORY_POLL_MS = 50;

export interface ImportStep {
  /** Wall time of the HTTP request, sent to answered. */
  ms: number;
  /** The reply body's size in bytes: what crossed NATS from the catalog, nearly byte for byte. */
  replyBytes: number;
  /** Peak VmRSS of each service during the request. */
  peakRssMiB: Record<ImportService, number>;
}

export interface ImportMeasurement {
  operations: number;
  documentBytes: number;
  actions: number;
  warningTotal: number;
  /** VmRSS of each service just before the preview. */
  idleRssMiB: Record<ImportService, number>;
  preview: ImportStep;
  commit: ImportStep;
}

/** Previews, then commits, a generated OpenAPI document of `resources` × 5 operations into a new app. */
export async function measureImport(platform: BenchPlatform, resources: number): Promise<ImportMeasurement> {
  const pids = Object.fromEntries(IMPORT_SERVICES.map((name) => [name, pidOf(platform, name)])) as Record<ImportService, number>;
  const document = largeOpenApiDocument(resources);
  const idleRssMiB = await rssOf(pids);
  const preview = await step(platform, pids, '/v1/apps/import/preview', { document, tag: 'bench_large_api' });
  const { import_id, warning_total } = preview.reply as { import_id: string; warning_total: number };
  const commit = await step(platform, pids, '/v1/apps/import', { import_id, tag: 'bench_large_api' });
  const { app } = commit.reply as { app: { actions: unknown[] } };
  return {
    operations: resources * 5,
    documentBytes: Buffer.byteLength(document),
    actions: app.actions.length,
    warningTotal: warning_total,
    idleRssMiB,
    preview: preview.step,
    commit: commit.step,
  };
}

async function step(platform: BenchPlatform, pids: Record<ImportService, number>, path: string, body: object): Promise<{ step: ImportStep; reply: unknown }> {
  const samplers = IMPORT_SERVICES.map((name) => [name, startPeakMemorySampler(pids[name], MEMORY_POLL_MS)] as const);
  const startedAt = performance.now();
  let answer: { ok: boolean; status: number; text: string; ms: number };
  let peaks: (readonly [ImportService, number])[];
  try {
    const response = await fetch(`${platform.gatewayUrl}${path}`, { method: 'POST', headers: authHeaders(platform.credentials), body: JSON.stringify(body) });
    const text = await response.text();
    answer = { ok: response.ok, status: response.status, text, ms: performance.now() - startedAt };
  } finally {
    peaks = await Promise.all(samplers.map(async ([name, sampler]) => [name, await sampler.stop()] as const));
  }
  if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
  const step = { ms: answer.ms, replyBytes: Buffer.byteLength(answer.text), peakRssMiB: Object.fromEntries(peaks) as Record<ImportService, number> };
  return { step, reply: JSON.parse(answer.text) as unknown };
}

function pidOf(platform: BenchPlatform, name: string): number {
  const started = platform.processes.find((candidate) => candidate.name === name);
  if (!started) throw new Error(`the bench started no ${name}`);
  return started.child.pid;
}

async function rssOf(pids: Record<ImportService, number>): Promise<Record<ImportService, number>> {
  const readings = await Promise.all(IMPORT_SERVICES.map(async (name) => [name, await residentMemoryMiB(pids[name])] as const));
  return Object.fromEntries(readings) as Record<ImportService, number>;
}
