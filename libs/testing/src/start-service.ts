import { compiledNodeArgs, compiledNodeEnv, describeExit, findFreePort, natsUserEnvironment, spawnChild, waitUntil, type ExitStatus } from '@switchboard/local-infra';
import { REPO_ROOT } from './repo-root.js';
import { connectForHealthChecks, httpAnswersOk, microserviceIsHealthy } from './service-health.js';
import { serviceEntryPoint, type ServiceName } from './services.js';
import { testLogsEnabled } from './test-logger.js';
import { sharedTestNats, TEST_NATS_CREDENTIALS_VARIABLE, type TestNats } from './test-nats.js';

const LOG_TAIL_LINES = 40;

export interface StartServiceOptions {
  /**
   * Environment over process.env; NATS_URL and DATABASE_URL default to the test infrastructure's, GATEWAY_PORT (the
   * gateway) and OPS_PORT (the others) to a free port, so that replicas started side by side never collide. A NATS_URL
   * given here wins over `nats.url` (a relay in front of that server, say).
   */
  env?: Record<string, string | undefined>;
  /** The NATS the service connects to, as its own user (NATS_USER, NATS_PASSWORD); the jest run's by default. */
  nats?: TestNats;
  /** How long the service may take to become healthy (default 60 s). */
  timeoutMs?: number;
  /** Script to run instead of apps/<service>/src/main.ts (absolute or relative to the repo root); for stand-ins in tests. */
  entryPoint?: string;
}

/** A running service process whose output is kept for assertions. */
export interface ServiceHandle {
  readonly name: ServiceName;
  readonly pid: number;
  /** Every stdout/stderr line so far (pino JSON lines for real services), in order. */
  readonly logs: string[];
  /** The environment the service was started with (merged over process.env). */
  readonly env: Record<string, string>;
  /** Gateway only: its base URL, e.g. http://127.0.0.1:43117. */
  readonly url?: string;
  /** Every service but the gateway: its operations listener (`/health/live`, `/health/ready`, `/metrics`), e.g. http://127.0.0.1:43118. */
  readonly opsUrl?: string;
  readonly exited: Promise<ExitStatus>;
  /** The exit status once the process has exited, else undefined. */
  exitStatus(): ExitStatus | undefined;
  /** Resolves with the first log line (past or future) that contains `match` or matches it; rejects after `timeoutMs`. */
  waitForLog(match: string | RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<ExitStatus>;
  /** SIGKILL, as in a crash; resolves when the process has exited. */
  kill(): Promise<ExitStatus>;
}

/**
 * Spawns one service from its build (`node dist/apps/<service>/src/main.js`, compiled by the jest global setup) and waits until it is
 * healthy: the gateway answers GET /health with 200; a microservice's own operations listener answers /health/ready
 * with 200, then its NATS health subject answers with status ok.
 */
export async function startService(name: ServiceName, options: StartServiceOptions = {}): Promise<ServiceHandle> {
  const nats = options.nats ?? sharedTestNats();
  const env = await serviceEnvironment(name, nats, options.env);
  const url = name === 'gateway' ? `http://${env.GATEWAY_HOST}:${env.GATEWAY_PORT}` : undefined;
  const opsUrl = name === 'gateway' ? undefined : `http://127.0.0.1:${env.OPS_PORT}`;
  const entryPoint = options.entryPoint ?? serviceEntryPoint(name);
  const logs: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  const echo = testLogsEnabled();

  const child = await spawnChild(process.execPath, compiledNodeArgs(REPO_ROOT, entryPoint), {
    cwd: REPO_ROOT,
    env,
    tailLines: 0,
    onLine: (line) => {
      logs.push(line);
      if (echo) process.stderr.write(`[${name}] ${line}\n`);
      for (const listener of lineListeners) listener(line);
    },
  });

  const tail = (): string => (logs.length ? logs.slice(-LOG_TAIL_LINES).join('\n') : '(no output)');
  const handle: ServiceHandle = {
    name,
    pid: child.pid,
    logs,
    env,
    url,
    opsUrl,
    exited: child.exited,
    exitStatus: () => child.exitStatus(),
    waitForLog: (match, timeoutMs = 10_000) => waitForLine(logs, lineListeners, match, timeoutMs, name),
    stop: () => child.stop({ signal: 'SIGTERM', graceMs: 10_000 }),
    kill: () => child.kill(),
  };

  try {
    await waitUntilHealthy(name, { ...nats, url: env.NATS_URL }, url ?? opsUrl, options.timeoutMs ?? 60_000, () => child.exitStatus());
  } catch (error) {
    await child.kill();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} did not become healthy: ${reason}\n--- last ${LOG_TAIL_LINES} log lines of ${name} ---\n${tail()}`, { cause: error });
  }
  return handle;
}

async function serviceEnvironment(name: ServiceName, nats: TestNats, overrides: Record<string, string | undefined> = {}): Promise<Record<string, string>> {
  // SWITCHBOARD_SERVICE tells a stand-in script which service it plays; the real services ignore it. The other users'
  // passwords are not the service's business.
  const merged: Record<string, string | undefined> = {
    ...compiledNodeEnv(REPO_ROOT),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    NATS_URL: nats.url,
    ...natsUserEnvironment(nats.credentials?.[name]),
    ...overrides,
    SWITCHBOARD_SERVICE: name,
    [TEST_NATS_CREDENTIALS_VARIABLE]: undefined,
  };
  if (name === 'gateway') {
    merged.GATEWAY_HOST ??= '127.0.0.1';
    merged.GATEWAY_PORT ??= String(await findFreePort());
  } else {
    merged.OPS_PORT ??= String(await findFreePort());
  }
  for (const required of ['NATS_URL', 'DATABASE_URL']) {
    if (!merged[required]) throw new Error(`${required} is not set for ${name}: run under the jest global setup or pass it in options.env`);
  }
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The gateway: until its GET /health answers 200. Another service: until its own operations listener says it is ready
 * (NATS and PostgreSQL up, its handlers subscribed), then until its health subject answers ok. The subject alone would
 * not do for a replica, whose siblings in the queue group answer it while the new process is still booting.
 */
async function waitUntilHealthy(name: ServiceName, nats: TestNats, baseUrl: string | undefined, timeoutMs: number, exitStatus: () => ExitStatus | undefined): Promise<void> {
  const failFast = (): Error | undefined => {
    const status = exitStatus();
    return status && new Error(`the process ${describeExit(status)}`);
  };
  const what = `${name} to answer its health check`;
  if (!baseUrl) throw new Error(`${name} has no address to check: GATEWAY_HOST and GATEWAY_PORT for the gateway, OPS_PORT for the others`);
  const deadline = Date.now() + timeoutMs;
  if (name === 'gateway') {
    await waitUntil(() => httpAnswersOk(baseUrl, '/health'), { what, timeoutMs, intervalMs: 200, failFast });
    return;
  }
  await waitUntil(() => httpAnswersOk(baseUrl, '/health/ready'), { what: `${name} to answer ${baseUrl}/health/ready with 200`, timeoutMs, intervalMs: 200, failFast });
  const connection = await connectForHealthChecks(nats);
  try {
    await waitUntil(() => microserviceIsHealthy(connection, name), { what, timeoutMs: Math.max(deadline - Date.now(), 1_000), intervalMs: 200, failFast });
  } finally {
    await connection.close();
  }
}

function waitForLine(logs: readonly string[], listeners: Set<(line: string) => void>, match: string | RegExp, timeoutMs: number, name: string): Promise<string> {
  const matches = (line: string): boolean => (typeof match === 'string' ? line.includes(match) : match.test(line));
  const earlier = logs.find(matches);
  if (earlier !== undefined) return Promise.resolve(earlier);
  return new Promise((resolve, reject) => {
    const listener = (line: string): void => {
      if (!matches(line)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(line);
    };
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`${name} logged nothing matching ${String(match)} within ${timeoutMs} ms; last lines:\n${logs.slice(-LOG_TAIL_LINES).join('\n')}`));
    }, timeoutMs);
    listeners.add(listener);
  });
}
