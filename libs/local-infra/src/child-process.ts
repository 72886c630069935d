import { spawn, type ChildProcess } from 'node:child_process';
import { readLines } from './line-reader.js';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * true: the child leads its own process group, so a terminal Ctrl-C reaches only us and we decide the
   * stop order (npm start). false: it shares our group and dies with the terminal session (tests).
   */
  detached?: boolean;
  uid?: number;
  gid?: number;
  /** Receives every stdout/stderr line as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** How many recent output lines to keep for error messages (default 200). */
  tailLines?: number;
}

export interface StopOptions {
  /** First signal (default SIGTERM). */
  signal?: NodeJS.Signals;
  /** How long to wait before SIGKILL (default 10 s). */
  graceMs?: number;
}

/** A spawned process with its exit as a promise, its recent output, and group-aware stop/kill. */
export interface ChildHandle {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<ExitStatus>;
  /** The exit status once the process has exited, else undefined. */
  exitStatus(): ExitStatus | undefined;
  /** The last `n` output lines (stdout and stderr interleaved). */
  tail(n?: number): string[];
  /** Sends `signal`, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(options?: StopOptions): Promise<ExitStatus>;
  /** SIGKILL at once; resolves when the process has exited. */
  kill(): Promise<ExitStatus>;
}

/** Spawns `command` with piped output; throws when it cannot be started at all (e.g. not found). */
export async function spawnChild(command: string, args: readonly string[], options: SpawnChildOptions = {}): Promise<ChildHandle> {
  const detached = options.detached ?? false;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached,
    uid: options.uid,
    gid: options.gid,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(new Error(`Could not start ${command}: ${error.message}`, { cause: error })));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${command}: no process id`);

  const keep = options.tailLines ?? 200;
  const recent: string[] = [];
  const record = (stream: 'stdout' | 'stderr') => (line: string) => {
    recent.push(line);
    if (recent.length > keep) recent.shift();
    options.onLine?.(line, stream);
  };
  if (child.stdout) readLines(child.stdout, record('stdout'));
  if (child.stderr) readLines(child.stderr, record('stderr'));

  let status: ExitStatus | undefined;
  // 'close' rather than 'exit' so the last output lines are recorded before anyone reads the tail.
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('close', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
  });

  const signalProcess = (signal: NodeJS.Signals): void => {
    if (status) return;
    signalPid(detached ? -pid : pid, signal);
  };

  const stop = async ({ signal = 'SIGTERM', graceMs = 10_000 }: StopOptions = {}): Promise<ExitStatus> => {
    signalProcess(signal);
    const timer = setTimeout(() => signalProcess('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    child,
    pid,
    exited,
    exitStatus: () => status,
    tail: (n = keep) => recent.slice(-n),
    stop,
    kill: () => stop({ signal: 'SIGKILL' }),
  };
}

/** Sends `signal` to a pid (negative: a process group), ignoring processes that are already gone. */
export function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Tells whether a process with this pid exists. */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops a process that is not our child (so we cannot await its exit): signal, poll, SIGKILL after `graceMs`. */
export async function stopPid(pid: number, { signal = 'SIGTERM', graceMs = 10_000 }: StopOptions = {}): Promise<void> {
  signalPid(pid, signal);
  const killAt = Date.now() + graceMs;
  while (isPidAlive(pid)) {
    if (Date.now() >= killAt) signalPid(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Describes an exit status in words ("exited with code 1", "was killed by SIGKILL"). */
export function describeExit(status: ExitStatus): string {
  return status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code ?? 'unknown'}`;
}
