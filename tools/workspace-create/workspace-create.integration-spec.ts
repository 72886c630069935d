import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempDataDir, ensurePostgres, findExecutable, spawnChild, withPostgresClient, type RunningServer } from '@switchboard/local-infra';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// What no PostgreSQL answers: the services' default URL would find whatever runs on this machine's 5432.
const NOWHERE = 'postgres://postgres:postgres@127.0.0.1:1/switchboard';

type Run = { code: number | null; stdout: string[]; stderr: string[] };

/** Runs `npm run workspace:create` as npm would once the build is done: the tool from its source. */
async function workspaceCreate(env: Record<string, string>): Promise<Run> {
  return runTool(process.execPath, ['--import', '@swc-node/register/esm-register', 'tools/workspace-create/workspace-create.ts', '--name', 'acme'], env);
}

async function runTool(command: string, args: string[], env: Record<string, string>): Promise<Run> {
  const output = { stdout: [] as string[], stderr: [] as string[] };
  const tool = await spawnChild(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    onLine: (line, stream) => void output[stream].push(line),
  });
  return { code: (await tool.exited).code, ...output };
}

describe('npm run workspace:create', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await createTempDataDir('workspace-create-spec-');
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("creates the workspace on npm start's embedded PostgreSQL, found from its data directory, with no setting", async () => {
    const log = { info: () => undefined, warn: () => undefined };
    // As npm start leaves it: a cluster on a port of its choosing, with a password generated into the data directory.
    const embedded: RunningServer = await ensurePostgres({ dataDir, ephemeral: true, log });
    try {
      const run = await workspaceCreate({ DATABASE_URL: NOWHERE, SWITCHBOARD_DATA_DIR: dataDir });

      expect(run).toMatchObject({ code: 0, stdout: [expect.stringMatching(/^\{"created":true,"workspace_id":/)] });
      expect(run.stderr).toEqual([expect.stringMatching(/^DATABASE_URL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/switchboard\) does not answer; creating the workspace in npm start's embedded PostgreSQL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/switchboard\)\.$/)]);
      const names = await withPostgresClient(embedded.url, async (client) => (await client.query<{ name: string }>('SELECT name FROM gateway.workspaces')).rows);
      expect(names).toEqual([{ name: 'acme' }]);
    } finally {
      await embedded.stop();
    }
  });

  it('prints only the JSON line on stdout when run through npm, whose build says what it compiled on stderr', async () => {
    const npm = await findExecutable('npm');
    if (npm === undefined) throw new Error('npm is not on PATH');
    const embedded: RunningServer = await ensurePostgres({ dataDir, ephemeral: true, log: { info: () => undefined, warn: () => undefined } });
    try {
      const run = await runTool(npm, ['run', '-s', 'workspace:create', '--', '--name', 'acme'], { DATABASE_URL: NOWHERE, SWITCHBOARD_DATA_DIR: dataDir });

      expect(run).toMatchObject({ code: 0, stdout: [expect.stringMatching(/^\{"created":true,"workspace_id":/)] });
      expect(run.stderr).toContainEqual(expect.stringMatching(/^Compiled \d+ files to dist\//));
    } finally {
      await embedded.stop();
    }
  });

  it('says in one sentence that it cannot reach the database when neither DATABASE_URL nor an embedded PostgreSQL answers', async () => {
    const run = await workspaceCreate({ DATABASE_URL: NOWHERE, SWITCHBOARD_DATA_DIR: dataDir });

    expect(run).toEqual({
      code: 1,
      stdout: [],
      stderr: ['Cannot reach the database at 127.0.0.1:1/switchboard (connect ECONNREFUSED 127.0.0.1:1): start PostgreSQL (npm start does) or set DATABASE_URL to one that answers.'],
    });
  });
});
