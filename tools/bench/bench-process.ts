import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledNodeArgs, describeExit, spawnChild, type ChildHandle } from '@switchboard/local-infra';
import type { Teardown } from './teardown.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const STOP_GRACE_MS = 5_000;
const WARN_LEVEL = 40;
/** `BENCH_CPU_PROFILE_DIR=<dir>`: every started process writes a V8 CPU profile there when it stops (node --cpu-prof). */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
const PROFILE_FLAGS = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR)}`] : [];

export interface BenchProcessOptions {
  /** Script relative to the repository root, run compiled (dist/) like `npm start` runs the services. */
  script: string;
  env: NodeJS.ProcessEnv;
  /** Resolves the start once a stdout/stderr line satisfies it; without it, the start resolves once spawned. */
  readyWhen?: (line: string) => boolean;
  readyTimeoutMs?: number;
}

export interface BenchProcess {
  readonly name: string;
  readonly child: ChildHandle;
  /** The line that satisfied readyWhen, if any. */
  readonly readyLine?: string;
}

/**
 * Starts a script's compiled file in its own process group, registered with the teardown; echoes its warnings and errors
 * (pino level ≥ 40, or any non-JSON line) to stderr, and calls `onUnexpectedExit` if it stops before the teardown.
 */
export async function startBenchProcess(
  name: string,
  options: BenchProcessOptions,
  teardown: Teardown,
  onUnexpectedExit: (error: Error) => void,
): Promise<BenchProcess> {
  let markReady: ((line: string) => void) | undefined;
  const ready = new Promise<string>((resolveReady) => (markReady = resolveReady));
  let isReady = false;

  const child = await spawnChild(process.execPath, [...PROFILE_FLAGS, ...compiledNodeArgs(REPO_ROOT, options.script)], {
    cwd: REPO_ROOT,
    env: options.env,
    detached: true,
    onLine: (line) => {
      if (!isReady && options.readyWhen?.(line)) {
        isReady = true;
        markReady?.(line);
        return;
      }
      if (worthShowing(line)) process.stderr.write(`[${name}] ${line}\n`);
    },
  });
  teardown.trackChild(child);
  teardown.add(`stop ${name}`, () => child.stop({ signal: 'SIGTERM', graceMs: STOP_GRACE_MS }));
  const exitedEarly = (status: Parameters<typeof describeExit>[0]): Error =>
    new Error(`${name} ${describeExit(status)}; its last lines:\n${child.tail(30).join('\n')}`);
  void child.exited.then((status) => {
    if (!teardown.isRunning) onUnexpectedExit(exitedEarly(status));
  });

  if (!options.readyWhen) return { name, child };
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const readyLine = await Promise.race([
      ready,
      child.exited.then((status) => Promise.reject(exitedEarly(status))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} was not ready within ${timeoutMs} ms; its last lines:\n${child.tail(30).join('\n')}`)), timeoutMs);
      }),
    ]);
    return { name, child, readyLine };
  } finally {
    clearTimeout(timer);
  }
}

function worthShowing(line: string): boolean {
  if (!line.startsWith('{')) return line.trim() !== '';
  try {
    const level = (JSON.parse(line) as { level?: unknown }).level;
    return typeof level === 'number' && level >= WARN_LEVEL;
  } catch {
    return true; // not JSON after all: show it as it is
  }
}
