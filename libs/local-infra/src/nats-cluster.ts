import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeExit, spawnChild, type ChildHandle } from './child-process.js';
import { findFreePort } from './free-port.js';
import type { InfraLogger } from './infra-logger.js';
import { generatePassword, natsAuthorizationConfig, type NatsCredentials, type NatsUserPermissions } from './nats-authorization.js';
import { natsAnswers } from './nats-probe.js';
import { findOrInstallNatsServer } from './nats-server-binary.js';
import { waitUntil } from './wait-until.js';

export interface NatsClusterOptions {
  /** Nodes of the cluster (3 keeps a JetStream quorum through the loss of one). */
  size: number;
  /** Each node keeps its configuration and JetStream store under `<dataDir>/nats-cluster/<node>`, removed at stop. */
  dataDir: string;
  users: Readonly<Record<string, NatsUserPermissions>>;
  log: InfraLogger;
}

/** One nats-server of the cluster, which a fault test kills and starts again on the same ports and store. */
export interface NatsNode {
  readonly name: string;
  readonly url: string;
  isRunning(): boolean;
  /** SIGKILL, as in a crash; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the node again (same ports, same store) and resolves once it accepts connections and its JetStream is current. */
  start(): Promise<void>;
}

export interface NatsCluster {
  /** Every node's URL, comma-separated, as NATS_URL takes it. */
  readonly url: string;
  readonly nodes: readonly NatsNode[];
  readonly credentials: Readonly<Record<string, NatsCredentials>>;
  stop(): Promise<void>;
}

/**
 * A NATS cluster on 127.0.0.1: `size` nats-server processes with JetStream, routed to each other, each with the same
 * users. For fault tests: the configuration files stay on disk (mode 0600) while the cluster runs, so a killed node can
 * start again; they go with the data at stop.
 */
export async function startNatsCluster(options: NatsClusterOptions): Promise<NatsCluster> {
  const binary = await findOrInstallNatsServer(options.log);
  const root = join(options.dataDir, 'nats-cluster');
  const credentials = Object.fromEntries(Object.keys(options.users).map((user) => [user, { user, password: generatePassword() }]));
  const authorization = natsAuthorizationConfig(
    Object.entries(options.users).map(([user, permissions]) => ({ user, password: credentials[user].password, permissions })),
  );
  const ports = await Promise.all(
    Array.from({ length: options.size }, async () => ({ client: await findFreePort(), route: await findFreePort(), monitor: await findFreePort() })),
  );
  const nodes = await Promise.all(
    ports.map(async ({ client, route, monitor }, index) => {
      const name = `n${index + 1}`;
      const dir = join(root, name);
      await mkdir(join(dir, 'jetstream'), { recursive: true });
      const routes = ports.filter((_, other) => other !== index).map((peer) => `"nats-route://127.0.0.1:${peer.route}"`);
      const config = [
        `server_name: ${name}`,
        `listen: "127.0.0.1:${client}"`,
        `http: "127.0.0.1:${monitor}"`,
        `jetstream { store_dir: ${JSON.stringify(join(dir, 'jetstream'))}, max_memory_store: 256MB, max_file_store: 2GB }`,
        `cluster { name: switchboard, listen: "127.0.0.1:${route}", routes: [${routes.join(', ')}] }`,
        authorization,
      ].join('\n');
      const configFile = join(dir, 'nats-server.conf');
      await writeFile(configFile, config, { mode: 0o600 });
      return clusterNode(name, `nats://127.0.0.1:${client}`, `http://127.0.0.1:${monitor}/healthz`, binary, configFile, options.log);
    }),
  );
  const stop = async (): Promise<void> => {
    await Promise.all(nodes.map((node) => node.stop()));
    await rm(root, { recursive: true, force: true });
  };
  try {
    await Promise.all(nodes.map((node) => node.start()));
  } catch (error) {
    await stop();
    throw error;
  }
  options.log.info(`Started a NATS cluster of ${options.size} nodes: ${nodes.map((node) => node.url).join(', ')}`);
  return { url: nodes.map((node) => node.url).join(','), nodes, credentials, stop };
}

function clusterNode(name: string, url: string, healthUrl: string, binary: string, configFile: string, log: InfraLogger): NatsNode & { stop(): Promise<void> } {
  let server: ChildHandle | undefined;
  const running = (): boolean => server !== undefined && server.exitStatus() === undefined;
  return {
    name,
    url,
    isRunning: running,
    async kill() {
      if (running()) await server?.kill();
    },
    async stop() {
      if (running()) await server?.stop({ signal: 'SIGTERM', graceMs: 10_000 });
    },
    async start() {
      const started = await spawnChild(binary, ['-c', configFile], {
        onLine: (line) => {
          if (line.includes('Permissions Violation')) log.warn(`nats-server ${name}: ${line}`);
        },
      });
      server = started;
      // /healthz answers 200 once the node's JetStream is current with the cluster (a meta leader is elected, its
      // streams caught up): accepting connections comes sooner, when JetStream requests still time out.
      await waitUntil(async () => (await natsAnswers(url, 500)) && (await jetStreamIsCurrent(healthUrl)), {
        what: `nats-server ${name} to accept connections on ${url} with JetStream current`,
        timeoutMs: 30_000,
        failFast: () => {
          const status = started.exitStatus();
          return status && new Error(`nats-server ${name} ${describeExit(status)} before accepting connections:\n${started.tail(20).join('\n')}`);
        },
      });
    },
  };
}

async function jetStreamIsCurrent(healthUrl: string): Promise<boolean> {
  const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
  await response?.body?.cancel();
  return response?.status === 200;
}
