import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig, runMigrations, serviceDataSourceOptions, ServiceConfig } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { gatewayDatabase } from '../database/gateway.database.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { createWorkspace } from '../workspaces/workspace-credentials.js';

/**
 * `npm run workspace:create -- [--name <name>] [--if-none]`: creates a workspace and its first
 * user and prints their credentials as one JSON line on stdout (the key is never shown again).
 * With --if-none it does nothing when a workspace exists, for the first-start bootstrap.
 */
const { values } = parseArgs({
  options: { name: { type: 'string', default: 'default' }, 'if-none': { type: 'boolean', default: false } },
});
const config = loadConfig(ServiceConfig);
const options = serviceDataSourceOptions(config.DATABASE_URL, gatewayDatabase);
await runMigrations(options);
const dataSource = await new DataSource(options).initialize();
try {
  if (values['if-none'] && (await dataSource.getRepository(WorkspaceEntity).exists())) {
    process.stdout.write(`${JSON.stringify({ created: false })}\n`);
  } else {
    const credentials = await createWorkspace(dataSource.manager, values.name);
    process.stdout.write(`${JSON.stringify({ created: true, ...credentials })}\n`);
  }
} finally {
  await dataSource.destroy();
}
