import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { transformFile, type Options } from '@swc/core';
import { buildWorkbench, isWorkbenchOutput } from './workbench-build.js';

/** Where `buildWorkspace` writes, relative to the repo root; the tree under it mirrors apps/ and libs/. */
export const BUILD_DIR = 'dist';

/** Folders holding code that runs as a process: services, CLIs, test stand-ins (libs/testing), bench processes (tools/). */
const SOURCE_ROOTS = ['apps', 'libs', 'tools'];
const SKIPPED = /(\.spec|\.integration-spec|\.e2e-spec)\.ts$|\.d\.ts$/;
const SKIPPED_FOLDERS = new Set(['node_modules']);
// Projects that never run from dist/: the workbench is browser code, bundled by Vite (buildWorkbench), and the e2e
// projects run only under Jest.
const SKIPPED_PROJECTS = ['apps/platform-e2e', 'apps/workbench', 'apps/workbench-e2e'];

export interface WorkspaceBuild {
  /** Sources compiled. */
  files: number;
  /** Outputs whose content changed (the rest were left untouched). */
  written: number;
  /** Whether the workbench was rebuilt (false: its sources had not changed since the last build). */
  workbenchBuilt: boolean;
  durationMs: number;
}

/** The compiled JavaScript file of a TypeScript source under the repo root. */
export function compiledPath(repoRoot: string, source: string): string {
  return join(repoRoot, BUILD_DIR, relative(repoRoot, source)).replace(/\.ts$/, '.js');
}

/**
 * V8 flags for every Switchboard process (the Dockerfile sets the same through NODE_OPTIONS). On a large machine V8
 * lets the young generation grow to 64 MiB, which an idle service keeps as resident memory; 4 MiB semi-spaces keep an
 * action-executor under load near 150 MiB for a few more (cheap) scavenges. Source maps are written next to the
 * compiled files but not loaded by default, as they cost each process about 14 MiB: set
 * NODE_OPTIONS=--enable-source-maps for stack traces in TypeScript positions.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4'] as const;

/** Node arguments that run a TypeScript source's compiled file (built by {@link buildWorkspace}). */
export function compiledNodeArgs(repoRoot: string, source: string, args: readonly string[] = []): string[] {
  return [...SERVICE_NODE_FLAGS, compiledPath(repoRoot, isAbsolute(source) ? source : join(repoRoot, source)), ...args];
}

/**
 * `env` (default process.env) for a process started from dist/, with NODE_COMPILE_CACHE pointing at
 * node_modules/.cache/node-compile-cache unless it is set already: Node keeps the V8 code of every module it compiled
 * there (keyed by path and content, so a rebuilt file is compiled afresh), and a service then starts about a fifth
 * faster than when it compiles NestJS, TypeORM and its own modules from source again. Test files start dozens of
 * platforms; npm start starts five services.
 */
export function compiledNodeEnv(repoRoot: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { NODE_COMPILE_CACHE: join(repoRoot, 'node_modules', '.cache', 'node-compile-cache'), ...env };
}

/**
 * Compiles every non-test TypeScript file under apps/, libs/ and tools/ to ESM JavaScript in dist/, with source maps and
 * the @switchboard/* aliases rewritten to relative imports (JSON data files under src/ copied beside them), so services start on plain node: no compiler in their
 * memory, no compile time at start. Outputs are replaced by rename and only when they changed, so a process
 * starting from dist/ during a rebuild never reads half a file (though it may load some modules from before the
 * rebuild and some from after); outputs of deleted sources are removed. Meanwhile Vite builds the workbench into
 * dist/apps/workbench/ if its sources changed.
 */
export async function buildWorkspace(repoRoot: string): Promise<WorkspaceBuild> {
  const startedAt = performance.now();
  const [compiled, workbench] = await Promise.all([compileSources(repoRoot), buildWorkbench(repoRoot)]);
  return { ...compiled, workbenchBuilt: workbench.built, durationMs: Math.round(performance.now() - startedAt) };
}

async function compileSources(repoRoot: string): Promise<{ files: number; written: number }> {
  const options = swcOptions(repoRoot);
  const skipped = new Set(SKIPPED_PROJECTS.map((project) => join(repoRoot, project)));
  const isSkipped = (dir: string): boolean => SKIPPED_FOLDERS.has(basename(dir)) || skipped.has(dir);
  const sources = (await Promise.all(SOURCE_ROOTS.map((root) => typescriptSources(join(repoRoot, root), isSkipped)))).flat();
  const outputs = new Set<string>();
  let written = 0;
  await inBatches(sources, 16, async (source) => {
    const target = compiledPath(repoRoot, source);
    outputs.add(target).add(`${target}.map`);
    const { code, map } = await transformFile(source, { ...options, filename: source, sourceFileName: relative(dirname(target), source) });
    const mapFile = `${target}.map`;
    const changed = await Promise.all([replaceIfChanged(target, `${code}\n//# sourceMappingURL=${mapFile.split(sep).pop()}\n`), replaceIfChanged(mapFile, map ?? '')]);
    if (changed.some(Boolean)) written += 1;
  });
  const dataFiles = (await Promise.all(SOURCE_ROOTS.map((root) => sourceDataFiles(join(repoRoot, root), isSkipped)))).flat();
  await inBatches(dataFiles, 16, async (source) => {
    const target = join(repoRoot, BUILD_DIR, relative(repoRoot, source));
    outputs.add(target);
    if (await replaceIfChanged(target, await readFile(source, 'utf8'))) written += 1;
  });
  await removeOrphans(repoRoot, outputs);
  return { files: sources.length, written };
}

/** The same transform Jest and @swc-node/register apply (legacy decorators with metadata, which NestJS needs). */
function swcOptions(repoRoot: string): Options {
  const { compilerOptions } = JSON.parse(readFileSync(join(repoRoot, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return {
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      baseUrl: repoRoot,
      paths: compilerOptions.paths,
      keepClassNames: true,
    },
    module: { type: 'es6', resolveFully: true },
  };
}

async function typescriptSources(dir: string, isSkipped: (dir: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return isSkipped(path) ? [] : typescriptSources(path, isSkipped);
      return entry.name.endsWith('.ts') && !SKIPPED.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

// JSON files under a src/ folder are data the code reads at run time (the marketplace templates): copied as they are.
async function sourceDataFiles(dir: string, isSkipped: (dir: string) => boolean, underSrc = false): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return isSkipped(path) ? [] : sourceDataFiles(path, isSkipped, underSrc || entry.name === 'src');
      return underSrc && entry.name.endsWith('.json') ? [path] : [];
    }),
  );
  return nested.flat();
}

async function replaceIfChanged(path: string, content: string): Promise<boolean> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) return false;
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
  return true;
}

async function removeOrphans(repoRoot: string, keep: Set<string>): Promise<void> {
  const entries = await readdir(join(repoRoot, BUILD_DIR), { withFileTypes: true, recursive: true }).catch(() => []);
  await Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.(js|js\.map|json)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => !keep.has(path) && !isWorkbenchOutput(repoRoot, path))
      .map((path) => rm(path, { force: true })),
  );
}

async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
