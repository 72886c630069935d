import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { runCommand } from './run-command.js';

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
  try {
    await viteBuild(repoRoot, staging);
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

/**
 * Runs `vite build` in a child process with NODE_ENV=production: Vite and the React plugin take the kind of build (React's
 * production runtime and JSX, or its development ones) from NODE_ENV, which Jest sets to `test`, and setting it here would
 * leak into the services `npm start` starts. Vite's output goes to stderr: the test setup keeps stdout for its URLs.
 */
async function viteBuild(repoRoot: string, outDir: string): Promise<void> {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(repoRoot, 'apps', 'workbench', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const { code, stdout, stderr } = await runCommand(process.execPath, args, { ...process.env, NODE_ENV: 'production' });
  process.stderr.write(`${stdout}${stderr}`);
  if (code !== 0) throw new Error(`Building the workbench with Vite failed (exit code ${code}); its output is above`);
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
