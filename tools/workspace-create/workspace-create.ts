// `npm run workspace:create -- --name <name>`: the gateway's workspace-create CLI on the PostgreSQL that npm start
// uses, so that it needs no setting next to a running npm start: DATABASE_URL (or the default local one) when it
// answers, else the embedded PostgreSQL npm start runs from its data directory, whose password it generated there.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledNodeArgs, compiledNodeEnv, findLocalPostgres, LOCAL_DATABASE_URL, localDataDir, redactPassword, spawnChild } from '@switchboard/local-infra';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = 'apps/gateway/src/cli/workspace-create.cli.ts';

const configured = process.env.DATABASE_URL ?? LOCAL_DATABASE_URL;
// When nothing answers, the CLI still runs on the configured URL, and says in one sentence that it cannot reach it.
const url = (await findLocalPostgres(configured, localDataDir(REPO_ROOT))) ?? configured;
// Credentials are only good in the database they were written to: say so when it is not the one DATABASE_URL names.
if (process.env.DATABASE_URL !== undefined && url !== configured) {
  process.stderr.write(`DATABASE_URL (${redactPassword(configured)}) does not answer; creating the workspace in npm start's embedded PostgreSQL (${redactPassword(url)}).\n`);
}
const cli = await spawnChild(process.execPath, compiledNodeArgs(REPO_ROOT, CLI, process.argv.slice(2)), {
  cwd: REPO_ROOT,
  env: compiledNodeEnv(REPO_ROOT, { ...process.env, DATABASE_URL: url }),
  onLine: (line, stream) => void process[stream].write(`${line}\n`),
});
process.exit((await cli.exited).code ?? 1);
