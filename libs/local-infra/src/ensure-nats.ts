import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeExit, spawnChild } from './child-process.js';
import { choosePort } from './free-port.js';
import type { InfraLogger, RunningServer } from './infra-logger.js';
import { generatePassword, natsAuthorizationConfig, type NatsCredentials, type NatsUserPermissions } from './nats-authorization.js';
import { natsAnswers } from './nats-probe.js';
import { findOrInstallNatsServer } from './nats-server-binary.js';
import { waitUntil } from './wait-until.js';

export interface EnsureNatsOptions {
  /** A NATS server to reuse when it answers (usually NATS_URL). */
  url?: string;
  /** JetStream data goes to `<dataDir>/nats`. */
  dataDir: string;
  /** Port to start on when it is free (npm start: 4222); a free one otherwise or when absent (tests). */
  port?: number;
  /** Remove `<dataDir>/nats` at stop (tests). */
  ephemeral?: boolean;
  /** See SpawnChildOptions.detached: true for npm start, false (default) for tests. */
  detached?: boolean;
  log: InfraLogger;
  /**
   * NATS users to start the server with, by name, each with a password made for this start: the server then refuses
   * anyone else and every user gets exactly its permissions. Absent: no authorization (anyone may do anything).
   */
  users?: Readonly<Record<string, NatsUserPermissions>>;
}

/** A NATS server found or started, and the credentials of its users when we started it with some. */
export interface RunningNats extends RunningServer {
  /** Each user's credentials, by name; undefined for a server we reused (its users are whatever it was configured with). */
  readonly credentials?: Readonly<Record<string, NatsCredentials>>;
}

/**
 * Reuses the NATS server at `url` when it answers (with whatever authorization it has), else starts `nats-server -js`
 * on 127.0.0.1, with `options.users` when given, and waits until it accepts connections.
 */
export async function ensureNats(options: EnsureNatsOptions): Promise<RunningNats> {
  const { log } = options;
  if (options.url && (await natsAnswers(options.url))) {
    log.info(`Using the NATS server at ${options.url}`);
    return { url: options.url, startedByUs: false, stop: () => Promise.resolve() };
  }
  if (options.url) log.info(`No NATS server answers at ${options.url}; starting one`);

  const binary = await findOrInstallNatsServer(log);
  const storeDir = join(options.dataDir, 'nats');
  await mkdir(storeDir, { recursive: true });
  const port = await choosePort(options.port);
  const url = `nats://127.0.0.1:${port}`;
  const authorization = options.users && (await writeAuthorization(options.dataDir, options.users));
  const server = await spawnChild(
    binary,
    ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port), ...(authorization ? ['-c', authorization.configFile] : [])],
    {
      detached: options.detached,
      // A refused publish or subscribe is logged by the server only; say so where the person starting it looks.
      onLine: (line) => {
        if (line.includes('Permissions Violation')) log.warn(`nats-server: ${line}`);
      },
    },
  );

  // nats-server reads its configuration once, at start: the passwords stay on disk only until it accepts connections.
  const forgetPasswords = async (): Promise<void> => {
    if (authorization) await rm(authorization.configFile, { force: true });
  };
  const stop = async (): Promise<void> => {
    await server.stop({ signal: 'SIGTERM', graceMs: 10_000 });
    await forgetPasswords();
    if (options.ephemeral) await rm(storeDir, { recursive: true, force: true });
  };

  try {
    await waitUntil(() => natsAnswers(url, 500), {
      what: `nats-server to accept connections on ${url}`,
      timeoutMs: 30_000,
      failFast: () => {
        const status = server.exitStatus();
        return status && new Error(`nats-server ${describeExit(status)} before accepting connections:\n${server.tail(20).join('\n')}`);
      },
    });
  } catch (error) {
    await stop();
    throw error;
  }
  await forgetPasswords();
  const users = authorization ? `, users ${Object.keys(authorization.credentials).join(', ')}` : '';
  log.info(`Started nats-server with JetStream on ${url} (data in ${storeDir}${users})`);
  return {
    url,
    startedByUs: true,
    stop,
    exited: server.exited.then((status) => `nats-server ${describeExit(status)}`),
    credentials: authorization?.credentials,
  };
}

// Passwords are made per start and written only to this file (mode 0600, removed once the server runs): nothing to
// commit or leak.
async function writeAuthorization(
  dataDir: string,
  users: Readonly<Record<string, NatsUserPermissions>>,
): Promise<{ configFile: string; credentials: Record<string, NatsCredentials> }> {
  const credentials = Object.fromEntries(Object.keys(users).map((user) => [user, { user, password: generatePassword() }]));
  const configFile = join(dataDir, 'nats-server.conf');
  const config = natsAuthorizationConfig(Object.entries(users).map(([user, permissions]) => ({ user, password: credentials[user].password, permissions })));
  await rm(configFile, { force: true }); // mode applies to a new file only
  await writeFile(configFile, config, { mode: 0o600 });
  return { configFile, credentials };
}
