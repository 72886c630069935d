import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { connect, PermissionViolationError, RequestError, type NatsConnection } from '@nats-io/transport-node';
import { BUS_SERVICES, busInboxPrefix, Subjects, type BusService } from '@switchboard/contracts';
import { createTempDataDir, findExecutable, findFreePort, natsAnswers, spawnChild, waitUntil, type ChildHandle } from '@switchboard/local-infra';
import { parse } from 'yaml';
import { COMPOSE_NATS_CONFIG_PATH, composeNatsConfig, composePasswordVariable } from './compose-nats-config.js';

const REPO_ROOT = process.cwd(); // jest's rootDir
const committedConfig = readFileSync(join(REPO_ROOT, COMPOSE_NATS_CONFIG_PATH), 'utf8');

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}
const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

const NATS_NODES = ['nats-1', 'nats-2', 'nats-3'] as const;

// `${NAME:-default}` as docker compose writes a variable with a default.
function composeVariable(value: string | undefined): { name: string; fallback: string } | undefined {
  const match = /^\$\{([A-Z_]+):-([^}]*)\}$/.exec(value ?? '');
  return match ? { name: match[1] ?? '', fallback: match[2] ?? '' } : undefined;
}

describe('The NATS configuration docker-compose.yml runs', () => {
  it('is what `npm run nats:config` writes from the contracts today', () => {
    expect(committedConfig).toBe(composeNatsConfig());
  });

  it('is mounted into each of the three NATS nodes, which get every service password, and each service connects as its own user', () => {
    for (const node of NATS_NODES) {
      const nats = compose.services[node];
      expect(nats?.command).toEqual(expect.arrayContaining(['-c', '/etc/nats/switchboard.conf']));
      expect(nats?.volumes).toContain(`./${COMPOSE_NATS_CONFIG_PATH}:/etc/nats/switchboard.conf:ro`);
      for (const service of BUS_SERVICES) {
        const environment = compose.services[service]?.environment ?? {};
        const password = composeVariable(environment.NATS_PASSWORD);
        expect([environment.NATS_USER, password?.name]).toEqual([service, composePasswordVariable(service)]);
        expect(composeVariable(nats?.environment?.[composePasswordVariable(service)])).toEqual(password);
      }
    }
  });

  it('runs NATS as a cluster of three that every service knows all of, the executors keeping three copies of their streams', () => {
    const routes = NATS_NODES.map((node) => `nats://${node}:6222`).join(',');
    for (const node of NATS_NODES) {
      const command = compose.services[node]?.command ?? [];
      const option = (name: string): string | undefined => command[command.indexOf(name) + 1];
      expect([option('--name'), option('--cluster_name'), option('--routes'), option('-sd')]).toEqual([node, 'switchboard', routes, '/data']);
      expect(compose.services[node]?.volumes).toContain(`${node}-data:/data`);
    }
    for (const service of BUS_SERVICES) {
      expect(compose.services[service]?.environment?.NATS_URL).toBe(NATS_NODES.map((node) => `nats://${node}:4222`).join(','));
    }
    expect(compose.services['action-executor']?.environment?.JETSTREAM_REPLICAS).toBe('3');
  });

  describe('started by nats-server with the passwords in its environment', () => {
    const passwords = Object.fromEntries(BUS_SERVICES.map((service) => [service, `password-of-${service}`])) as Record<BusService, string>;
    let server: ChildHandle;
    let url: string;
    let dataDir: string;
    const connections: NatsConnection[] = [];
    const connectAs = async (service: BusService): Promise<NatsConnection> => {
      const connection = await connect({ servers: url, user: service, pass: passwords[service], inboxPrefix: busInboxPrefix(service), reconnect: false });
      connections.push(connection);
      return connection;
    };

    beforeAll(async () => {
      const binary = await findExecutable('nats-server');
      if (!binary) throw new Error('nats-server is not on PATH');
      const port = await findFreePort();
      dataDir = await createTempDataDir('compose-nats-config-spec-');
      url = `nats://127.0.0.1:${port}`;
      const environment = Object.fromEntries(BUS_SERVICES.map((service) => [composePasswordVariable(service), passwords[service]]));
      server = await spawnChild(binary, ['-js', '-sd', dataDir, '-a', '127.0.0.1', '-p', String(port), '-c', join(REPO_ROOT, COMPOSE_NATS_CONFIG_PATH)], {
        env: { ...process.env, ...environment },
      });
      await waitUntil(() => natsAnswers(url, 500), { what: `nats-server on ${url}`, timeoutMs: 30_000, failFast: () => (server.exitStatus() ? new Error(server.tail(20).join('\n')) : undefined) });
    });

    afterAll(async () => {
      await Promise.all(connections.map((connection) => connection.close()));
      await server?.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it("refuses the gateway's password a request to secrets.reference.resolve, and lets the executor's through", async () => {
      const gatewayRefusal = await (await connectAs('gateway')).request(Subjects.SecretsReferenceResolve, '{}', { timeout: 2_000 }).catch((error: unknown) => error);
      expect(gatewayRefusal).toBeInstanceOf(RequestError);
      expect((gatewayRefusal as RequestError).cause).toBeInstanceOf(PermissionViolationError);
      // Nobody answers here: "no responders" means nats-server let the request through.
      const executorRequest = await (await connectAs('action-executor')).request(Subjects.SecretsReferenceResolve, '{}', { timeout: 2_000 }).catch((error: unknown) => error);
      expect(executorRequest).toBeInstanceOf(RequestError);
      expect((executorRequest as RequestError).isNoResponders()).toBe(true);
    });

    it("refuses one service's password for another's user", async () => {
      await expect(connect({ servers: url, user: 'action-executor', pass: passwords.gateway, reconnect: false })).rejects.toThrow(/Authorization/i);
    });
  });
});
