import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Where the built workbench goes, relative to the repo root; the gateway serves it from there at `/`. */
export const WORKBENCH_BUILD_DIR = join('dist', 'apps', 'workbench');

// Everything the bundle is made of: the app, the SDK it imports (the contracts only lend it types, erased), the path
// aliases and the locked dependency versions.
const INPUTS = ['apps/workbench', 'libs/sdk/src', 'tsconfig.base.json', 'package-lock.json'];
const NOT_INPUTS = /(^|\/)node_modules(\/|$)|\.spec\.ts$/;
// Beside the build, not in it: the gateway serves every file of the build folder.
const STAMP_FILE = join('dist', 'apps', 'workbench.sources.sha256');

export interface WorkbenchBuild {
  /** False when the sources were those of the last build, which was kept. */
  built: boolean;
  durationMs: number;
}

/**
 * Builds the workbench with Vite into dist/apps/workbench/ when its sources changed since the last build (a hash of
 * them is kept beside it), so `npm start` and the test setup only pay for a build after an edit. The new build is
 * written aside and swapped in by rename, so a gateway serving the old one never serves half of the new one.
 */
export async function buildWorkbench(repoRoot: string): Promise<WorkbenchBuild> {
  const startedAt = performance.now();
  const target = join(repoRoot, WORKBENCH_BUILD_DIR);
  const stampFile = join(repoRoot, STAMP_FILE);
  const hash = await sourcesHash(repoRoot);
  const [stamp, builtIndex] = await Promise.all([readFile(stampFile, 'utf8').catch(() => ''), readFile(join(target, 'index.html')).catch(() => undefined)]);
  if (stamp === hash && builtIndex !== undefined) return { built: false, durationMs: Math.round(performance.now() - startedAt) };

  const staging = `${target}.${randomUUID()}.next`;
  const previous = `${target}.${randomUUID()}.previous`;
  // Vite is loaded only when there is something to build: it is a large module graph to import.
  const { build } = await import('vite');
  try {
    await build({
      configFile: join(repoRoot, 'apps', 'workbench', 'vite.config.ts'),
      // Warnings and errors go to stderr; the test setup keeps its stdout for the infrastructure's URLs.
      logLevel: 'warn',
      build: { outDir: staging, reportCompressedSize: false },
    });
    await rename(target, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(staging, target);
  } finally {
    await Promise.all([rm(staging, { recursive: true, force: true }), rm(previous, { recursive: true, force: true })]);
  }
  await writeFile(stampFile, hash);
  return { built: true, durationMs: Math.round(performance.now() - startedAt) };
}

/** Whether `path` (absolute) belongs to the workbench's build: the build, one being written, its stamp. */
export function isWorkbenchOutput(repoRoot: string, path: string): boolean {
  const root = join(repoRoot, WORKBENCH_BUILD_DIR);
  return path === root || path.startsWith(`${root}${sep}`) || path.startsWith(`${root}.`);
}

async function sourcesHash(repoRoot: string): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of await filesUnder(repoRoot, input)) {
      hash.update(`${file}\0`).update(await readFile(join(repoRoot, file))).update('\0');
    }
  }
  return hash.digest('hex');
}

// Repo-relative paths of the files of `input` (a file or a folder), sorted so the hash does not depend on listing order.
async function filesUnder(repoRoot: string, input: string): Promise<string[]> {
  const entries = await readdir(join(repoRoot, input), { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (entries === undefined) return [input];
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_INPUTS.test(file))
    .sort();
}
