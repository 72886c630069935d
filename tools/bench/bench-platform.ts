// Starts what the bench measures: NATS and PostgreSQL (throw-away), the upstream, the baseline pair, and the five
// services, each a process of its own, every one registered with the teardown.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { busUsers, type BusService } from '@switchboard/contracts';
import {
  compiledNodeArgs,
  createTempDataDir,
  describeExit,
  ensureNats,
  ensurePostgres,
  findFreePort,
  natsUserEnvironment,
  spawnChild,
  UNRESTRICTED,
  waitUntil,
  type NatsCredentials,
} from '@switchboard/local-infra';
import { REPO_ROOT, startBenchProcess, type BenchProcess } from './bench-process.js';
import type { Teardown } from './teardown.js';

const MICROSERVICES = ['catalog', 'connection', 'secrets-vault'] as const;
/** The NATS user of the bench itself and its baseline pair, which use subjects no service has. */
const BENCH_NATS_USER = 'bench';
const EXECUTOR_READY = 'is listening on NATS';
const WORKSPACE_CLI = 'apps/gateway/src/cli/workspace-create.cli.ts';
const READY_TIMEOUT_MS = 180_000; // a cold start compiles five services with SWC and migrates an empty database
/**
 * The gateway's per-receive-id rate limit (WEBHOOK_RATE_LIMIT_PER_SECOND / _BURST, 50 / 200 by default), raised to
 * its maximum so that the receipts row measures receiving, not the limiter's 429s; the limiter still runs per receipt.
 */
export const BENCH_WEBHOOK_RATE_LIMIT = { perSecond: 100_000, burst: 100_000 } as const;
/**
 * The gateway's per-workspace and per-key request limits (1000/s and 500/s by default; the 50-client actions.run row
 * goes faster in one workspace with one key), raised so that it measures runs, not 429s: the limiter still counts
 * every request, taking 1,000 tokens from the shared bucket at a time.
 */
const BENCH_REQUEST_RATE_LIMIT = String(100_000);

export interface WorkspaceCredentials {
  workspace_id: string;
  user_id: string;
  private_key: string;
}

export interface BenchPlatform {
  gatewayUrl: string;
  /** The throw-away NATS and PostgreSQL, for rows that drive a service or write fixtures directly. */
  natsUrl: string;
  /** The bench's own NATS user, permitted everything; the services run as their own users. */
  natsCredentials: NatsCredentials | undefined;
  databaseUrl: string;
  bareGatewayUrl: string;
  upstreamUrl: string;
  upstreamPort: number;
  /** The key the upstream requires in `x-api-key`; stored as the workspace secret BENCH_KEY. */
  apiKey: string;
  credentials: WorkspaceCredentials;
  /** The baseline's executor process, row (b). */
  bareExecutor: BenchProcess;
  /** Every long-running process started so far (not NATS and PostgreSQL), for CPU readings. */
  processes: BenchProcess[];
  /** Action-executor replicas, first one started with the platform. */
  executors: BenchProcess[];
  /** Starts one more action-executor replica and resolves once it listens on NATS. */
  addExecutorReplica(): Promise<BenchProcess>;
}

export interface StartOptions {
  teardown: Teardown;
  /** Called when a process the bench started exits before the teardown. */
  onUnexpectedExit: (error: Error) => void;
  progress: (message: string) => void;
  /** Aborted when the bench must stop (Ctrl-C, a process that died). */
  signal: AbortSignal;
}

export async function startBenchPlatform({ teardown, onUnexpectedExit, progress, signal }: StartOptions): Promise<BenchPlatform> {
  const log = { info: progress, warn: progress };
  const dataDir = await createTempDataDir('switchboard-bench-');
  teardown.add(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }));
  // Detached, so that Ctrl-C reaches only the bench, which then stops the services before their NATS and database.
  const [nats, postgres] = await Promise.all([
    ensureNats({ dataDir, ephemeral: true, detached: true, log, users: { ...busUsers(), [BENCH_NATS_USER]: UNRESTRICTED } }).then((server) => {
      teardown.add('stop nats-server', () => server.stop());
      return server;
    }),
    ensurePostgres({ dataDir, ephemeral: true, detached: true, log }).then((server) => {
      teardown.add('stop PostgreSQL', () => server.stop());
      return server;
    }),
  ]);

  const apiKey = `bench-${randomBytes(12).toString('hex')}`;
  const processes: BenchProcess[] = [];
  const start = async (name: string, options: Parameters<typeof startBenchProcess>[1]): Promise<BenchProcess> => {
    const started = await startBenchProcess(name, options, teardown, onUnexpectedExit);
    processes.push(started);
    return started;
  };

  const upstream = await start('upstream', {
    script: 'tools/bench/upstream/bench-upstream.ts',
    env: { ...process.env, BENCH_API_KEY: apiKey },
    readyWhen: (line) => /^\{"port":\d+\}$/.test(line),
  });
  const upstreamPort = (JSON.parse(upstream.readyLine ?? '') as { port: number }).port;
  const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;

  const [gatewayPort, bareGatewayPort] = [await findFreePort(), await findFreePort()];
  const serviceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NATS_URL: nats.url,
    DATABASE_URL: postgres.url,
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: String(gatewayPort),
    SWITCHBOARD_MASTER_KEY: randomBytes(32).toString('hex'),
    SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1',
    WEBHOOK_RATE_LIMIT_PER_SECOND: String(BENCH_WEBHOOK_RATE_LIMIT.perSecond),
    WEBHOOK_RATE_LIMIT_BURST: String(BENCH_WEBHOOK_RATE_LIMIT.burst),
    GATEWAY_RATE_LIMIT_WORKSPACE_PER_SECOND: BENCH_REQUEST_RATE_LIMIT,
    GATEWAY_RATE_LIMIT_WORKSPACE_BURST: BENCH_REQUEST_RATE_LIMIT,
    GATEWAY_RATE_LIMIT_KEY_PER_SECOND: BENCH_REQUEST_RATE_LIMIT,
    GATEWAY_RATE_LIMIT_KEY_BURST: BENCH_REQUEST_RATE_LIMIT,
    LOG_LEVEL: 'warn',
    // Replicas side by side: each operations listener on a port of its own.
    OPS_PORT: '0',
  };
  // Executors log at info only to announce that they listen (how a replica is known to be ready); no line per run
  // is written at info (`message handled` is debug), so the per-request work is the same as at warn.
  const envOf = (service: BusService): NodeJS.ProcessEnv => ({ ...serviceEnv, ...natsUserEnvironment(nats.credentials?.[service]) });
  const executorEnv: NodeJS.ProcessEnv = { ...envOf('action-executor'), LOG_LEVEL: 'info' };
  let replicas = 0;
  const executors: BenchProcess[] = [];
  const addExecutorReplica = async (): Promise<BenchProcess> => {
    replicas += 1;
    const executor = await start(`action-executor#${replicas}`, {
      script: 'apps/action-executor/src/main.ts',
      env: executorEnv,
      readyWhen: (line) => line.includes(EXECUTOR_READY),
      readyTimeoutMs: READY_TIMEOUT_MS,
    });
    executors.push(executor);
    return executor;
  };

  const benchCredentials = nats.credentials?.[BENCH_NATS_USER];
  const baselineEnv = { ...process.env, NATS_URL: nats.url, ...natsUserEnvironment(benchCredentials), BENCH_UPSTREAM_URL: `${upstreamUrl}/ping`, BENCH_API_KEY: apiKey };
  const [bareExecutor] = await Promise.all([
    start('bare-executor', { script: 'tools/bench/baseline/bare-executor.ts', env: baselineEnv, readyWhen: (line) => line === 'ready' }),
    ...MICROSERVICES.map((name) => start(name, { script: `apps/${name}/src/main.ts`, env: envOf(name) })),
    start('gateway', { script: 'apps/gateway/src/main.ts', env: envOf('gateway') }),
    addExecutorReplica(),
    start('bare-gateway', {
      script: 'tools/bench/baseline/bare-gateway.ts',
      env: { ...baselineEnv, BARE_GATEWAY_PORT: String(bareGatewayPort) },
      readyWhen: (line) => line === 'ready',
    }),
  ]);

  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  await waitUntil(() => answersOk(`${gatewayUrl}/ready`), {
    what: `${gatewayUrl}/ready to answer 200`,
    timeoutMs: READY_TIMEOUT_MS,
    intervalMs: 250,
    failFast: () => (signal.aborted ? new Error('the bench is stopping', { cause: signal.reason }) : undefined),
  });
  const credentials = await createWorkspace(serviceEnv, teardown);

  return {
    gatewayUrl,
    natsUrl: nats.url,
    natsCredentials: benchCredentials,
    databaseUrl: postgres.url,
    bareGatewayUrl: `http://127.0.0.1:${bareGatewayPort}`,
    upstreamUrl,
    upstreamPort,
    apiKey,
    credentials,
    bareExecutor,
    processes,
    executors,
    addExecutorReplica,
  };
}

/** Runs the gateway's workspace-create CLI, which prints the new workspace's credentials as one JSON line on stdout. */
async function createWorkspace(env: NodeJS.ProcessEnv, teardown: Teardown): Promise<WorkspaceCredentials> {
  const stdout: string[] = [];
  const cli = await spawnChild(process.execPath, compiledNodeArgs(REPO_ROOT, WORKSPACE_CLI, ['--name', 'bench']), {
    cwd: REPO_ROOT,
    env,
    detached: true,
    onLine: (line, stream) => {
      if (stream === 'stdout') stdout.push(line);
    },
  });
  teardown.trackChild(cli);
  const status = await cli.exited;
  if (status.code !== 0) throw new Error(`${WORKSPACE_CLI} ${describeExit(status)}:\n${cli.tail(30).join('\n')}`);
  const jsonLine = stdout.findLast((line) => line.startsWith('{'));
  const parsed = (jsonLine === undefined ? {} : JSON.parse(jsonLine)) as Partial<WorkspaceCredentials>;
  const { workspace_id, user_id, private_key } = parsed;
  if (typeof workspace_id !== 'string' || typeof user_id !== 'string' || typeof private_key !== 'string') {
    throw new Error(`${WORKSPACE_CLI} printed no credentials:\n${cli.tail(30).join('\n')}`);
  }
  return { workspace_id, user_id, private_key };
}

async function answersOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.status === 200;
}
