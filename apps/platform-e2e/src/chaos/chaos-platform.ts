import { randomBytes } from 'node:crypto';
import {
  createTestDatabase,
  createWorkspaceWithCli,
  startService,
  startTcpRelay,
  startTestNatsCluster,
  type ServiceHandle,
  type ServiceName,
  type TcpRelay,
  type TestDatabase,
  type TestNatsCluster,
  type WorkspaceCredentials,
} from '@switchboard/testing';

export interface ChaosTopology {
  gateways: number;
  executors: number;
}

/** The platform the faults are done to: every service a process, NATS a cluster of three, PostgreSQL behind a relay. */
export interface ChaosPlatform {
  readonly cluster: TestNatsCluster;
  /** The services' way to PostgreSQL: cutting it is PostgreSQL going away for them, as in a restart. */
  readonly postgres: TcpRelay;
  /** The database itself, for reading run records around the relay. */
  readonly databaseUrl: string;
  readonly gateways: ServiceHandle[];
  readonly executors: ServiceHandle[];
  /** The one replica each of catalog, connection and secrets-vault. */
  readonly singles: Record<'catalog' | 'connection' | 'secrets-vault', ServiceHandle>;
  createWorkspace(name: string): Promise<WorkspaceCredentials>;
  /** Every error-level log line of every process started so far, with its service's name, for a failure's message. */
  errorLogs(): string[];
  /** Starts the process again with the environment it had, replacing it in its list. */
  restart(handle: ServiceHandle): Promise<ServiceHandle>;
  stop(): Promise<void>;
}

// Short enough that a killed executor's runs are delivered again, and a run retried through a fault, within a phase;
// attempts enough that no fault of a few seconds uses them up.
const FAULT_TOLERANT_ENV = {
  JETSTREAM_REPLICAS: '3',
  DISPATCH_ACK_WAIT_MS: '3000',
  DISPATCH_MAX_ATTEMPTS: '30',
  DISPATCH_RETRY_BACKOFF_MS: '200',
  DISPATCH_RETRY_BACKOFF_MAX_MS: '2000',
  // A run recorded by an executor killed before its publish is published by another's sweep within two seconds.
  DISPATCH_SWEEP_INTERVAL_MS: '1000',
  WEBHOOK_SWEEP_INTERVAL_MS: '1000',
  WEBHOOK_DELIVERY_ACK_WAIT_MS: '3000',
  WEBHOOK_RETRY_SCHEDULE_MS: '200,400,800,1600,2000,2000,2000,2000,2000,2000,2000,2000',
  NATS_REQUEST_TIMEOUT_MS: '3000',
  // Resolved secrets and plans are kept a second, not 30: a secrets-vault stopped for a few seconds is then felt.
  EXECUTOR_CACHE_MAX_AGE_MS: '1000',
  // Over the outbound timeouts and attempts below, so that a run whose executor died answers 504, not silence.
  GATEWAY_ACTION_RUN_TIMEOUT_MS: '8000',
  OUTBOUND_HEADERS_TIMEOUT_MS: '1000',
  OUTBOUND_MAX_ATTEMPTS: '3',
};

// The load is many requests from one key: the gateway's own limits are proven elsewhere, not here.
const UNLIMITED_REQUESTS = {
  GATEWAY_RATE_LIMIT_WORKSPACE_PER_SECOND: '100000',
  GATEWAY_RATE_LIMIT_WORKSPACE_BURST: '100000',
  GATEWAY_RATE_LIMIT_KEY_PER_SECOND: '100000',
  GATEWAY_RATE_LIMIT_KEY_BURST: '100000',
  WEBHOOK_RATE_LIMIT_PER_SECOND: '100000',
  WEBHOOK_RATE_LIMIT_BURST: '100000',
};

export async function startChaosPlatform(topology: ChaosTopology): Promise<ChaosPlatform> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const cluster = await startTestNatsCluster(3);
    cleanups.push(() => cluster.stop());
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const postgres = await startTcpRelay(database.url);
    cleanups.push(() => postgres.close());
    const relayed = new URL(database.url);
    relayed.port = new URL(postgres.url).port;
    relayed.hostname = '127.0.0.1';

    const env = {
      DATABASE_URL: relayed.toString(),
      SWITCHBOARD_MASTER_KEY: randomBytes(32).toString('hex'),
      SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...FAULT_TOLERANT_ENV,
      ...UNLIMITED_REQUESTS,
    };
    const handles: ServiceHandle[] = [];
    cleanups.push(() => Promise.all(handles.filter((handle) => handle.exitStatus() === undefined).map((handle) => handle.stop())));
    const start = async (name: ServiceName, serviceEnv: Record<string, string> = env): Promise<ServiceHandle> => {
      const handle = await startService(name, { env: serviceEnv, nats: cluster, timeoutMs: 120_000 });
      handles.push(handle);
      return handle;
    };

    // The gateways' migrations and the others' race on an empty database; one of each first, the replicas after.
    const [catalog, connection, secretsVault, firstGateway, firstExecutor] = await Promise.all([
      start('catalog'),
      start('connection'),
      start('secrets-vault'),
      start('gateway'),
      start('action-executor'),
    ]);
    const gateways = [firstGateway, ...(await Promise.all(Array.from({ length: topology.gateways - 1 }, () => start('gateway'))))];
    const executors = [firstExecutor, ...(await Promise.all(Array.from({ length: topology.executors - 1 }, () => start('action-executor'))))];
    const singles = { catalog, connection, 'secrets-vault': secretsVault };

    return {
      cluster,
      postgres,
      databaseUrl: database.url,
      gateways,
      executors,
      singles,
      createWorkspace: (name) => createWorkspaceWithCli(firstGateway.env, name),
      errorLogs: () => handles.flatMap((handle) => handle.logs.filter((line) => /"level":(50|60)/.test(line)).map((line) => `[${handle.name}] ${line}`)),
      restart: async (handle) => {
        if (handle.exitStatus() === undefined) await handle.stop();
        const replacement = await start(handle.name, handle.env);
        for (const list of [gateways, executors]) {
          const index = list.indexOf(handle);
          if (index >= 0) list[index] = replacement;
        }
        for (const [name, single] of Object.entries(singles) as [keyof typeof singles, ServiceHandle][]) {
          if (single === handle) singles[name] = replacement;
        }
        return replacement;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
