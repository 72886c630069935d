import { randomBytes } from 'node:crypto';
import { describeExit, waitUntil, type ExitStatus, type RunningNats } from '@switchboard/local-infra';
import { createTestDatabase, type TestDatabase } from './create-test-database.js';
import { httpAnswersOk } from './service-health.js';
import { startOwnNats } from './own-nats.js';
import { SERVICE_NAMES, type ServiceName } from './services.js';
import { startService, type ServiceHandle } from './start-service.js';
import { testLogger } from './test-logger.js';
import { testNatsOf, type TestNats } from './test-nats.js';
import { createWorkspaceWithCli, type WorkspaceCredentials } from './workspace-cli.js';

export interface StartPlatformOptions {
  /** Extra environment for every service (over process.env and the platform's own NATS_URL/DATABASE_URL/GATEWAY_PORT). */
  env?: Record<string, string | undefined>;
  /** Reuse this NATS (and its users' credentials, if it has users) instead of starting a dedicated nats-server for this platform. */
  nats?: TestNats;
  /** How long the whole platform may take to become ready (default 60 s per step). */
  timeoutMs?: number;
  /** Scripts to run instead of apps/<service>/src/main.ts, for stand-ins in this library's own tests. */
  entryPoints?: Partial<Record<ServiceName, string>>;
}

/** All five services on a fresh database, ready to serve the gateway API. */
export interface Platform {
  /** Gateway base URL, e.g. http://127.0.0.1:43117. */
  readonly url: string;
  readonly natsUrl: string;
  /** The platform's NATS and its users' credentials: each service runs as its own user (natsAccessAs), tests as the harness. */
  readonly nats: TestNats;
  readonly databaseUrl: string;
  /** The running services; restartService replaces an entry. */
  readonly services: Record<ServiceName, ServiceHandle>;
  /** Creates a workspace and its first user through the gateway's CLI. */
  createWorkspace(name: string): Promise<WorkspaceCredentials>;
  /** Stops one service (SIGTERM, SIGKILL after 10 s). */
  stopService(service: ServiceName): Promise<ExitStatus>;
  /** Starts a service again with the same environment (or with `env` over it), stopping it first if it still runs, and waits until it is healthy. */
  restartService(service: ServiceName, env?: Record<string, string>): Promise<ServiceHandle>;
  /** Stops every service, then this platform's NATS, and drops its database. */
  stop(): Promise<void>;
}

// The platforms of this test file (Jest loads this module once per file) that were started, or are starting, and
// are not stopped yet, for stopLeftoverPlatforms.
const unstopped = new Set<Promise<Platform | undefined>>();

/**
 * Starts a complete platform for one test file: a new database on the test Postgres, a dedicated nats-server
 * (JetStream streams and consumers are server state, so sharing one would leak work between test files), and
 * the five services in parallel, the gateway on a free port; resolves once GET /ready answers 200.
 */
export async function startPlatform(options: StartPlatformOptions = {}): Promise<Platform> {
  const starting = startPlatformProcesses(options);
  const entry = starting.then(
    (platform) => platform,
    () => undefined,
  );
  unstopped.add(entry);
  const platform = await starting;
  return {
    ...platform,
    stop: () => {
      unstopped.delete(entry);
      return platform.stop();
    },
  };
}

/**
 * Stops every platform of this test file that is still running or still starting (the integration project runs it
 * after each file): one whose beforeAll timed out on a busy machine was never assigned, so its file's afterAll could
 * not stop it, and its six processes slowed every file after it until the run ended.
 */
export async function stopLeftoverPlatforms(): Promise<void> {
  const leftovers = [...unstopped];
  unstopped.clear();
  await Promise.all(leftovers.map(async (entry) => (await entry)?.stop()));
}

async function startPlatformProcesses(options: StartPlatformOptions): Promise<Platform> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async (): Promise<void> => {
    const failures: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: unknown) => failures.push(error));
    if (failures.length) throw new AggregateError(failures, 'Stopping the test platform failed');
  };

  const services = {} as Record<ServiceName, ServiceHandle>;
  try {
    const [createdDatabase, startedNats] = await Promise.allSettled([createTestDatabase(), platformNats(options.nats)]);
    if (createdDatabase.status === 'fulfilled') cleanups.push(() => createdDatabase.value.drop());
    if (startedNats.status === 'fulfilled') cleanups.push(() => startedNats.value.stop());
    if (createdDatabase.status === 'rejected') throw createdDatabase.reason;
    if (startedNats.status === 'rejected') throw startedNats.reason;
    const database: TestDatabase = createdDatabase.value;
    const nats = testNatsOf(startedNats.value);

    // A master key per platform keeps the secrets-vault from writing a key file into the repository.
    const env: Record<string, string | undefined> = {
      DATABASE_URL: database.url,
      SWITCHBOARD_MASTER_KEY: randomBytes(32).toString('hex'),
      ...options.env,
    };
    cleanups.push(() => Promise.all(Object.values(services).map((service) => service.stop())));
    // The gateway needs none of the microservices to start (only /ready asks them), so all five start at once.
    const started = await Promise.allSettled(
      SERVICE_NAMES.map(async (name) => {
        services[name] = await startService(name, { env, nats, timeoutMs, entryPoint: options.entryPoints?.[name] });
      }),
    );
    const failed = started.filter((result) => result.status === 'rejected').map((result) => result.reason as unknown);
    if (failed.length) throw failed.length === 1 ? failed[0] : new AggregateError(failed, failed.map(String).join('\n\n'));

    const url = services.gateway.url;
    if (!url) throw new Error('The gateway handle has no URL');
    await waitUntil(() => httpAnswersOk(url, '/ready'), {
      what: `the gateway at ${url}/ready to answer 200`,
      timeoutMs,
      intervalMs: 200,
      failFast: () => firstExit(services),
    });

    return {
      url,
      natsUrl: nats.url,
      nats,
      databaseUrl: database.url,
      services,
      createWorkspace: (name) => createWorkspaceWithCli(services.gateway.env, name),
      stopService: (name) => services[name].stop(),
      restartService: async (name, env = {}) => {
        const previous = services[name];
        // A process still running would be left behind once its entry is replaced, and keep the test run alive.
        if (previous.exitStatus() === undefined) await previous.stop();
        services[name] = await startService(name, { env: { ...previous.env, ...env }, nats, timeoutMs, entryPoint: options.entryPoints?.[name] });
        return services[name];
      },
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp().catch((cleanupError: unknown) => testLogger.warn(`Cleaning up after a failed start failed too: ${String(cleanupError)}`));
    throw error;
  }
}

function platformNats(nats: TestNats | undefined): Promise<RunningNats> {
  return nats ? Promise.resolve({ ...nats, startedByUs: false, stop: () => Promise.resolve() }) : startOwnNats();
}

function firstExit(services: Partial<Record<ServiceName, ServiceHandle>>): Error | undefined {
  for (const service of Object.values(services)) {
    const status = service.exitStatus();
    if (status) return new Error(`${service.name} ${describeExit(status)} while the gateway was not ready yet:\n${service.logs.slice(-40).join('\n')}`);
  }
  return undefined;
}
