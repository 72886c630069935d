import { existsSync } from 'node:fs';
import { findExecutable } from './executable-on-path.js';
import type { InfraLogger } from './infra-logger.js';
import { runCommand } from './run-command.js';

const HOW_TO_GET_NATS =
  'Install it (Debian/Ubuntu: `sudo apt-get install -y nats-server`; other systems: https://docs.nats.io/running-a-nats-service/introduction/installation) ' +
  'or point NATS_URL at a running NATS server with JetStream enabled (e.g. `docker run -p 4222:4222 nats:2 -js` and NATS_URL=nats://localhost:4222).';

/** Returns the path of `nats-server`, installing it with apt-get when missing on a Debian machine where we are root. */
export async function findOrInstallNatsServer(log: InfraLogger): Promise<string> {
  const found = await findExecutable('nats-server');
  if (found) return found;

  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version') && (await findExecutable('apt-get')) !== undefined;
  if (!canInstall) throw new Error(`nats-server was not found on PATH. ${HOW_TO_GET_NATS}`);

  log.warn('nats-server was not found on PATH; installing it: apt-get update && apt-get install -y nats-server');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'nats-server']]) {
    const result = await runCommand('apt-get', args, env);
    if (result.code !== 0) {
      const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`\`apt-get ${args.join(' ')}\` failed with code ${result.code}:\n${output}\n${HOW_TO_GET_NATS}`);
    }
  }
  const installed = await findExecutable('nats-server');
  if (!installed) throw new Error(`apt-get installed nats-server but it is still not on PATH. ${HOW_TO_GET_NATS}`);
  log.warn(`Installed ${installed}`);
  return installed;
}
