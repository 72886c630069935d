// `npm start`: NATS and PostgreSQL (found or started), the five services with readable logs, a development
// workspace on first start. Ctrl-C stops the services first, then what this script started.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildWorkspace,
  compiledNodeArgs,
  compiledNodeEnv,
  describeExit,
  ensureNats,
  ensurePostgres,
  isPortFree,
  LOCAL_DATABASE_URL,
  localDataDir,
  natsUserEnvironment,
  redactPassword,
  signalPid,
  spawnChild,
  waitUntil,
  type ChildHandle,
  type RunningNats,
  type RunningServer,
} from '@switchboard/local-infra';
import { BUS_SERVICES, busUsers } from '@switchboard/contracts';
import { ensureDevWorkspace } from './dev-workspace.js';
import { servicePrinter } from './service-output.js';

const SERVICES = BUS_SERVICES;
const LABEL_WIDTH = Math.max(...SERVICES.map((name) => name.length));
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA_DIR = localDataDir(REPO_ROOT);
const GATEWAY_PORT = Number(process.env.PORT ?? process.env.GATEWAY_PORT ?? 3000);
// Each domain service's operations listener (/health/live, /health/ready, /metrics): one port each on one machine.
const OPS_PORTS: Record<Exclude<(typeof SERVICES)[number], 'gateway'>, number> = {
  catalog: 9401,
  connection: 9402,
  'secrets-vault': 9403,
  'action-executor': 9404,
};
const SERVICE_STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 180_000; // the first start migrates an empty database
// How long the services still starting may take to finish checking their settings once one has exited: a service
// with wrong settings exits listing them within a few seconds, even with all five starting on a small machine.
const SETTINGS_CHECK_GRACE_MS = 10_000;

const say = (message: string): void => {
  for (const line of message.split('\n')) process.stdout.write(`${'start'.padEnd(LABEL_WIDTH)} │ ${line}\n`);
};
const log = { info: say, warn: say };

let natsStarting: Promise<RunningNats> | undefined;
let postgresStarting: Promise<RunningServer> | undefined;
const services = new Map<string, ChildHandle>();
let shuttingDown = false;
let running = false;

async function main(): Promise<void> {
  if (!Number.isInteger(GATEWAY_PORT) || GATEWAY_PORT < 1 || GATEWAY_PORT > 65_535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT ?? process.env.GATEWAY_PORT}"`);
  if (!(await isPortFree(GATEWAY_PORT))) throw new Error(`Port ${GATEWAY_PORT} is already in use; stop what uses it or set PORT to another port.`);
  await mkdir(DATA_DIR, { recursive: true });
  const build = await buildWorkspace(REPO_ROOT);
  say(`Compiled ${build.files} files to dist/${build.workbenchBuilt ? ' and built the workbench' : ''} in ${build.durationMs} ms.`);

  // A NATS started here has one user per service with that service's permissions; one found running keeps its own.
  natsStarting = ensureNats({ url: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', dataDir: DATA_DIR, port: 4222, detached: true, log, users: busUsers() });
  const nats = await natsStarting;
  if (shuttingDown) return; // interrupted while NATS was starting
  if (!nats.credentials) {
    say(`The services connect to it ${process.env.NATS_USER ? `as NATS_USER ${process.env.NATS_USER}` : 'without a user (set NATS_USER and NATS_PASSWORD if it has users)'}; its own permissions apply.`);
  }
  // Without DATABASE_URL, look for the services' default local database before starting the embedded one.
  postgresStarting = ensurePostgres({
    url: process.env.DATABASE_URL ?? LOCAL_DATABASE_URL,
    dataDir: DATA_DIR,
    port: 5432,
    detached: true,
    log,
  });
  const postgres = await postgresStarting;
  if (shuttingDown) return;
  for (const [name, server] of [['NATS', nats], ['PostgreSQL', postgres]] as const) {
    void server.exited?.then((why) => shutdown(1, `${name} stopped unexpectedly (${why}); stopping everything.`));
  }

  const env: NodeJS.ProcessEnv = {
    ...compiledNodeEnv(REPO_ROOT),
    NATS_URL: nats.url,
    DATABASE_URL: postgres.url,
    GATEWAY_PORT: String(GATEWAY_PORT),
    SWITCHBOARD_MASTER_KEY_FILE: process.env.SWITCHBOARD_MASTER_KEY_FILE ?? join(DATA_DIR, 'master.key'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  say(`Starting ${SERVICES.join(', ')} (NATS ${nats.url}, PostgreSQL ${redactPassword(postgres.url)})`);
  await Promise.all(SERVICES.map((name, index) => startService(name, index, { ...env, ...natsUserEnvironment(nats.credentials?.[name]) })));

  const readyUrl = `http://127.0.0.1:${GATEWAY_PORT}/ready`;
  await waitUntil(() => answersOk(readyUrl), {
    what: `${readyUrl} to answer 200`,
    timeoutMs: READY_TIMEOUT_MS,
    intervalMs: 500,
    failFast: () => (shuttingDown ? new Error('shutting down') : undefined),
  });

  if (shuttingDown) return;
  running = true;
  await reportDevWorkspace(env);
  say(`Switchboard is running at http://localhost:${GATEWAY_PORT}: the workbench at /, the API docs at /docs. Press Ctrl-C to stop.`);
}

async function startService(name: (typeof SERVICES)[number], index: number, env: NodeJS.ProcessEnv): Promise<void> {
  if (shuttingDown) return;
  const child = await spawnChild(process.execPath, compiledNodeArgs(REPO_ROOT, `apps/${name}/src/main.ts`), {
    cwd: REPO_ROOT,
    env: name === 'gateway' ? env : { ...env, OPS_PORT: String(OPS_PORTS[name]) },
    detached: true,
    onLine: servicePrinter(name, index, LABEL_WIDTH),
  });
  services.set(name, child);
  void child.exited.then((status) => serviceExited(name, describeExit(status)));
}

// Every service checks all its settings before connecting anything and exits listing every wrong one. One exiting
// while the platform starts is most often such a list; the others still starting are let finish theirs, so that a
// single `npm start` shows every service's problems rather than only the quickest's.
async function serviceExited(name: string, how: string): Promise<void> {
  if (shuttingDown) return;
  say(`${name} ${how} (its last lines are above).`);
  if (!running) {
    const starting = [...services.values()].filter((child) => !child.exitStatus());
    await Promise.race([Promise.all(starting.map((child) => child.exited)), sleep(SETTINGS_CHECK_GRACE_MS)]);
  }
  await shutdown(1, 'Stopping everything.');
}

async function reportDevWorkspace(env: NodeJS.ProcessEnv): Promise<void> {
  try {
    const workspace = await ensureDevWorkspace(REPO_ROOT, DATA_DIR, env);
    const credentialsFile = join(DATA_DIR, 'dev-credentials.json');
    if (workspace.created) {
      say('Created the "development" workspace. Its private key is shown only now (also saved, mode 0600, to ' + workspace.credentialsFile + '):');
      sayCredentials(workspace);
    } else if (existsSync(credentialsFile)) {
      say(`The "development" workspace (credentials saved in ${credentialsFile}):`);
      sayCredentials(JSON.parse(await readFile(credentialsFile, 'utf8')) as DevCredentials);
    }
  } catch (error) {
    // The platform itself is up; a failed bootstrap should be visible but not take it down.
    say(`Could not create the development workspace: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type DevCredentials = { workspace_id: string; user_id: string; private_key: string };

function sayCredentials(credentials: DevCredentials): void {
  say(`  workspace_id: ${credentials.workspace_id}`);
  say(`  user_id:      ${credentials.user_id}`);
  say(`  private_key:  ${credentials.private_key}`);
  say(`Sign in to the workbench at http://localhost:${GATEWAY_PORT} with these three values.`);
}

async function answersOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.status === 200;
}

async function shutdown(code: number, reason?: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  if (reason) say(reason);
  const running = [...services.entries()].filter(([, child]) => !child.exitStatus());
  if (running.length) say(`Stopping ${running.map(([name]) => name).join(', ')}…`);
  await Promise.all(running.map(([, child]) => child.stop({ signal: 'SIGTERM', graceMs: SERVICE_STOP_GRACE_MS })));
  // Wait for a server still being started, so that it is stopped too rather than left behind.
  const servers = (await Promise.allSettled([natsStarting, postgresStarting])).flatMap((result) =>
    result.status === 'fulfilled' && result.value?.startedByUs ? [result.value] : [],
  );
  if (servers.length) say('Stopping the NATS and PostgreSQL started by npm start…');
  await Promise.all(servers.map((server) => server.stop()));
  say('Stopped.');
  process.exit(code);
}

function forceStop(): void {
  say('Second interrupt: killing everything now.');
  for (const child of services.values()) signalPid(-child.pid, 'SIGKILL');
  process.exit(130);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => (shuttingDown ? forceStop() : void shutdown(0)));
}
process.on('uncaughtException', (error) => void shutdown(1, `Unexpected error: ${error.stack ?? error.message}`));
// Services lead their own process groups (so Ctrl-C reaches only us); never leave them behind however we exit.
process.on('exit', () => {
  for (const child of services.values()) if (!child.exitStatus()) signalPid(-child.pid, 'SIGKILL');
});

main().catch((error: unknown) => shutdown(1, `Could not start Switchboard: ${error instanceof Error ? error.message : String(error)}`));
