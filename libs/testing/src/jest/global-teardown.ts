// Loaded like global-setup.ts (require(), no aliases): node built-ins only.
import type { ChildProcess } from 'node:child_process';

const HANDLE_KEY = Symbol.for('switchboard.test-infrastructure-process');
const STOP_TIMEOUT_MS = 30_000;

/** Jest global teardown: asks the test infrastructure process to stop NATS and Postgres, and waits until it has. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as Record<symbol, ChildProcess | undefined>;
  const child = holder[HANDLE_KEY];
  delete holder[HANDLE_KEY];
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end(); // the process stops its servers when its stdin closes
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
