import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigsOrExit, runMigrations, serviceDataSourceOptions, ServiceConfig } from '@switchboard/platform/database-scripts';
import { DataSource } from 'typeorm';
import { gatewayDatabase } from '../database/gateway.database.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { createWorkspace } from '../workspaces/workspace-credentials.js';
import { cannotReachDatabase } from './database-unreachable.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * `npm run workspace:create -- --name <name> [--if-none]`: creates a workspace and its first user and prints their
 * credentials as one JSON line on stdout (the key is never shown again), on the database at DATABASE_URL (npm run
 * finds npm start's). With --if-none it does nothing when a workspace exists, for the first-start bootstrap.
 */
const options = parseOptions(process.argv.slice(2));
const [config] = loadConfigsOrExit([ServiceConfig]);
// The driver would otherwise wait for an address that never answers for as long as the OS keeps trying.
const dataSourceOptions = { ...serviceDataSourceOptions(config.DATABASE_URL, gatewayDatabase), connectTimeoutMS: CONNECT_TIMEOUT_MS };
// Connecting first tells "no database there" (said in one sentence) apart from a failure once connected (a bug, with its stack).
const dataSource = await new DataSource(dataSourceOptions).initialize().catch((error: unknown) => {
  process.stderr.write(`${cannotReachDatabase(config.DATABASE_URL, error)}\n`);
  process.exit(1);
});
try {
  await runMigrations(dataSourceOptions);
  if (options.ifNone && (await dataSource.getRepository(WorkspaceEntity).exists())) {
    process.stdout.write(`${JSON.stringify({ created: false })}\n`);
  } else {
    const credentials = await createWorkspace(dataSource.manager, options.name);
    process.stdout.write(`${JSON.stringify({ created: true, ...credentials })}\n`);
  }
} finally {
  await dataSource.destroy();
}

// A wrong invocation is the caller's mistake, not a crash: one line saying what and how, and exit 2 as shells expect.
function parseOptions(args: string[]): { name: string; ifNone: boolean } {
  let values: { name?: string; 'if-none'?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { name: { type: 'string' }, 'if-none': { type: 'boolean', default: false } } }));
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    return refuseUsage(error.message);
  }
  if (values.name === undefined) return refuseUsage('--name is required');
  if (values.name.trim() === '') return refuseUsage('--name must not be empty');
  return { name: values.name, ifNone: values['if-none'] === true };
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS_');
}

function refuseUsage(reason: string): never {
  process.stderr.write(`${reason.replace(/\.$/, '')}. Usage: workspace-create --name <name> [--if-none]\n`);
  process.exit(2);
}
