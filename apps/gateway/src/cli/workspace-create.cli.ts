import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigsOrExit, runMigrations, serviceDataSourceOptions, ServiceConfig } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { gatewayDatabase } from '../database/gateway.database.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { createWorkspace } from '../workspaces/workspace-credentials.js';
import { cannotReachDatabase } from './database-unreachable.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * `npm run workspace:create -- [--name <name>] [--if-none]`: creates a workspace and its first user and prints their
 * credentials as one JSON line on stdout (the key is never shown again), on the database at DATABASE_URL (npm run
 * finds npm start's). With --if-none it does nothing when a workspace exists, for the first-start bootstrap.
 */
const { values } = parseArgs({
  options: { name: { type: 'string', default: 'default' }, 'if-none': { type: 'boolean', default: false } },
});
const [config] = loadConfigsOrExit([ServiceConfig]);
// The driver would otherwise wait for an address that never answers for as long as the OS keeps trying.
const options = { ...serviceDataSourceOptions(config.DATABASE_URL, gatewayDatabase), connectTimeoutMS: CONNECT_TIMEOUT_MS };
// Connecting first tells "no database there" (said in one sentence) apart from a failure once connected (a bug, with its stack).
const dataSource = await new DataSource(options).initialize().catch((error: unknown) => {
  process.stderr.write(`${cannotReachDatabase(config.DATABASE_URL, error)}\n`);
  process.exit(1);
});
try {
  await runMigrations(options);
  if (values['if-none'] && (await dataSource.getRepository(WorkspaceEntity).exists())) {
    process.stdout.write(`${JSON.stringify({ created: false })}\n`);
  } else {
    const credentials = await createWorkspace(dataSource.manager, values.name);
    process.stdout.write(`${JSON.stringify({ created: true, ...credentials })}\n`);
  }
} finally {
  await dataSource.destroy();
}
