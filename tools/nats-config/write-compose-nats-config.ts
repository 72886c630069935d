// `npm run nats:config`: writes deploy/nats-server.conf, the NATS users and permissions docker-compose.yml runs with.
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPOSE_NATS_CONFIG_PATH, composeNatsConfig } from './compose-nats-config.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
await writeFile(join(REPO_ROOT, COMPOSE_NATS_CONFIG_PATH), composeNatsConfig());
process.stdout.write(`Wrote ${COMPOSE_NATS_CONFIG_PATH}\n`);
