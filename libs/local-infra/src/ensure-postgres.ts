import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeExit, stopPid } from './child-process.js';
import { EMBEDDED_SUPERUSER, embeddedClusterCredentials, embeddedClusterFiles, embeddedClusterUrl, runningEmbeddedCluster } from './embedded-cluster.js';
import { choosePort } from './free-port.js';
import type { InfraLogger, RunningServer } from './infra-logger.js';
import { findPostgresBinaries } from './postgres-binaries.js';
import { ensureDatabase, postgresAnswers } from './postgres-client.js';
import { initialiseCluster, startPostgresServer } from './postgres-cluster.js';
import { assertReachableByPostgres } from './postgres-reachability.js';
import { postgresRunAs } from './postgres-system-user.js';
import { redactPassword } from './postgres-url.js';
import { waitUntil } from './wait-until.js';

// Durability traded for speed: a test cluster is thrown away, so a crash losing writes does not matter.
const TEST_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' };

export interface EnsurePostgresOptions {
  /** A PostgreSQL to reuse when it answers `SELECT 1` (usually DATABASE_URL); used as given. */
  url?: string;
  /** The cluster lives in `<dataDir>/postgres`, its superuser password in `<dataDir>/postgres-password`. */
  dataDir: string;
  /** Port to start on when it is free (npm start: 5432); a free one otherwise or when absent (tests). */
  port?: number;
  /** Database to create on a started cluster and put in the returned URL (default `switchboard`). */
  database?: string;
  /** Throw-away cluster for tests: fsync/synchronous_commit/full_page_writes off, data removed at stop. */
  ephemeral?: boolean;
  /** See SpawnChildOptions.detached: true for npm start, false (default) for tests. */
  detached?: boolean;
  log: InfraLogger;
}

/**
 * Reuses the PostgreSQL at `url` when it answers, else starts the embedded PostgreSQL on `<dataDir>/postgres`
 * (initialised on first use, reused afterwards), creates the database and returns its URL.
 */
export async function ensurePostgres(options: EnsurePostgresOptions): Promise<RunningServer> {
  const { log } = options;
  if (options.url && (await postgresAnswers(options.url))) {
    log.info(`Using the PostgreSQL at ${redactPassword(options.url)}`);
    return { url: options.url, startedByUs: false, stop: () => Promise.resolve() };
  }
  if (options.url) log.info(`No PostgreSQL answers at ${redactPassword(options.url)}; starting the embedded one`);

  const database = options.database ?? 'switchboard';
  const { pgdata, passwordFile } = embeddedClusterFiles(options.dataDir);
  const removeData = async (): Promise<void> => {
    if (!options.ephemeral) return;
    await rm(pgdata, { recursive: true, force: true });
    await rm(passwordFile, { force: true });
  };

  const [binaries, runAs] = await Promise.all([findPostgresBinaries(), postgresRunAs()]);
  if (runAs) await assertReachableByPostgres([binaries.initdb, binaries.postgres, pgdata], runAs);
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    // No PG_VERSION means no cluster, or an initdb that died half-way: start over.
    await rm(pgdata, { recursive: true, force: true });
    const password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
    log.info(`Initialising a new PostgreSQL cluster in ${pgdata}`);
    await initialiseCluster({ binaries, pgdata, user: EMBEDDED_SUPERUSER, password, runAs, noSync: options.ephemeral ?? false });
  }
  const credentials = await embeddedClusterCredentials(options.dataDir);
  const urlOn = (port: number, db: string): string => embeddedClusterUrl(credentials, port, db);

  const leftOver = await runningEmbeddedCluster(options.dataDir);
  if (leftOver) {
    // A previous `npm start` that was killed hard leaves its postgres running on this directory.
    if (!(await postgresAnswers(urlOn(leftOver.port, 'postgres'), 3_000))) {
      throw new Error(`A postgres process (pid ${leftOver.pid}) still holds ${pgdata} but does not answer on port ${leftOver.port}. Stop it (kill ${leftOver.pid}) and start again.`);
    }
    log.info(`Reusing the PostgreSQL left running on ${pgdata} (pid ${leftOver.pid}, port ${leftOver.port})`);
    await ensureDatabase(urlOn(leftOver.port, 'postgres'), database);
    const stop = async (): Promise<void> => {
      await stopPid(leftOver.pid, { signal: 'SIGINT', graceMs: 15_000 });
      await removeData();
    };
    return { url: urlOn(leftOver.port, database), startedByUs: true, stop };
  }

  const port = await choosePort(options.port);
  const server = await startPostgresServer({
    binaries,
    pgdata,
    port,
    runAs,
    settings: options.ephemeral ? TEST_SETTINGS : {},
    detached: options.detached ?? false,
  });
  // SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
  const stop = async (): Promise<void> => {
    await server.stop({ signal: 'SIGINT', graceMs: 15_000 });
    await removeData();
  };

  try {
    await waitUntil(() => postgresAnswers(urlOn(port, 'postgres'), 1_000), {
      what: `PostgreSQL to answer on 127.0.0.1:${port}`,
      timeoutMs: 60_000,
      failFast: () => {
        const status = server.exitStatus();
        return status && new Error(`postgres ${describeExit(status)} before accepting connections:\n${server.tail(30).join('\n')}`);
      },
    });
    await ensureDatabase(urlOn(port, 'postgres'), database);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = urlOn(port, database);
  log.info(`Started PostgreSQL on 127.0.0.1:${port} (data in ${pgdata})`);
  return { url, startedByUs: true, stop, exited: server.exited.then((status) => `postgres ${describeExit(status)}`) };
}
