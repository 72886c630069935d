import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describeExit, spawnChild } from './child-process.js';
import { choosePort } from './free-port.js';
import type { InfraLogger, RunningServer } from './infra-logger.js';
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
}

/** Reuses the NATS server at `url` when it answers, else starts `nats-server -js` on 127.0.0.1 and waits until it accepts connections. */
export async function ensureNats(options: EnsureNatsOptions): Promise<RunningServer> {
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
  const server = await spawnChild(binary, ['-js', '-sd', storeDir, '-a', '127.0.0.1', '-p', String(port)], {
    detached: options.detached,
  });

  const stop = async (): Promise<void> => {
    await server.stop({ signal: 'SIGTERM', graceMs: 10_000 });
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
  log.info(`Started nats-server with JetStream on ${url} (data in ${storeDir})`);
  return { url, startedByUs: true, stop, exited: server.exited.then((status) => `nats-server ${describeExit(status)}`) };
}
