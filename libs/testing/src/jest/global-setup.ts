// Jest loads this file through require() with its own transform, where neither `.js` → `.ts` import mapping nor
// the @switchboard/* aliases apply, so it imports only node built-ins and runs the real work (infrastructure, and
// the build of dist/ the services start from) in a child process that compiles on the fly (@swc-node/register).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const INFRASTRUCTURE_PROCESS = 'libs/testing/src/jest/test-infrastructure.process.ts';
const HANDLE_KEY = Symbol.for('switchboard.test-infrastructure-process');
const START_TIMEOUT_MS = 180_000; // a first run may install nats-server and initialise a cluster
// TEST_NATS_CREDENTIALS_VARIABLE and HARNESS_NATS_USER in test-nats.ts, which this file cannot import.
const NATS_CREDENTIALS_VARIABLE = 'SWITCHBOARD_TEST_NATS_CREDENTIALS';
const HARNESS_NATS_USER = 'harness';

interface Infrastructure {
  natsUrl: string;
  natsCredentials?: Record<string, { user: string; password: string }>;
  databaseUrl: string;
}

/**
 * Jest global setup: one NATS and one Postgres for the whole run (reused from NATS_URL/DATABASE_URL when they answer,
 * else throw-away ones), exported as NATS_URL and DATABASE_URL; when the NATS is ours, its users' credentials as
 * SWITCHBOARD_TEST_NATS_CREDENTIALS and the harness's as NATS_USER and NATS_PASSWORD.
 */
export default async function globalSetup(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', INFRASTRUCTURE_PROCESS], {
    cwd: projectConfig.rootDir,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  (globalThis as Record<symbol, ChildProcess | undefined>)[HANDLE_KEY] = child;
  const urls = await readUrls(child);
  // Jest starts its workers after the global setup, and each worker and test environment copies process.env.
  process.env.NATS_URL = urls.natsUrl;
  process.env.DATABASE_URL = urls.databaseUrl;
  if (urls.natsCredentials) {
    // Tests connect as the harness (NATS_USER/NATS_PASSWORD, as a service reads them); startService gives each
    // service its own user from the list.
    process.env[NATS_CREDENTIALS_VARIABLE] = JSON.stringify(urls.natsCredentials);
    const harness = urls.natsCredentials[HARNESS_NATS_USER];
    if (harness) [process.env.NATS_USER, process.env.NATS_PASSWORD] = [harness.user, harness.password];
  }
}

function readUrls(child: ChildProcess): Promise<Infrastructure> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The test infrastructure was not ready within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as Infrastructure);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The test infrastructure process ended (${signal ?? `code ${code}`}) before it was ready; its error is printed above.`));
    });
  });
}
