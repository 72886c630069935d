import { createTestDatabase, createWorkspaceWithCli, runWorkspaceCli, type TestDatabase } from '@switchboard/testing';

const ADVICE = 'start PostgreSQL (npm start does) or set DATABASE_URL to one that answers.';

describe('the workspace-create CLI', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('creates a workspace on the database at DATABASE_URL and prints its credentials as one JSON line', async () => {
    // The helper reads the JSON line and checks it holds the three credentials.
    const credentials = await createWorkspaceWithCli({ ...(process.env as Record<string, string>), DATABASE_URL: database.url }, 'acme');
    expect([credentials.workspace_id, credentials.user_id, credentials.private_key].map((value) => value.length > 0)).toEqual([true, true, true]);
  });

  it.each([
    ['nothing listens there', () => 'postgres://postgres:postgres@127.0.0.1:1/switchboard', () => `127.0.0.1:1/switchboard (connect ECONNREFUSED 127.0.0.1:1)`],
    [
      'the password is wrong',
      () => Object.assign(new URL(database.url), { password: 'wrong' }).toString(),
      () => `${new URL(database.url).host}/${database.name} (password authentication failed for user "postgres")`,
    ],
  ])('says in one sentence, without a stack trace, that it cannot reach the database when %s, and exits 1', async (_case, url, where) => {
    const run = await runWorkspaceCli({ ...(process.env as Record<string, string>), DATABASE_URL: url() }, ['--name', 'acme']);
    expect(run).toEqual({ status: { code: 1, signal: null }, stdout: [], stderr: [`Cannot reach the database at ${where()}: ${ADVICE}`] });
  });

  it.each([
    [['--bogus'], `Unknown option '--bogus'`],
    [['--name'], `Option '--name <value>' argument missing`],
    [['--name', 'acme', 'extra'], `Unexpected argument 'extra'`],
    [[], '--name is required'],
    [['--name', ''], '--name must not be empty'],
    [['--name', '  '], '--name must not be empty'],
  ])('refuses %j with a one-line usage error and exits 2 before it connects', async (args, reason) => {
    // Nothing answers there: reaching for the database would end in "Cannot reach" and exit 1.
    const run = await runWorkspaceCli({ ...(process.env as Record<string, string>), DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:1/switchboard' }, args);
    expect(run).toEqual({ status: { code: 2, signal: null }, stdout: [], stderr: [expect.stringContaining(reason)] });
    expect(run.stderr[0]).toMatch(/\. Usage: workspace-create --name <name> \[--if-none\]$/);
  });
});
