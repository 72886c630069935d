import { compiledNodeArgs, compiledNodeEnv, describeExit, spawnChild, type ExitStatus } from '@switchboard/local-infra';
import { REPO_ROOT } from './repo-root.js';

/** What `workspace-create` prints for a new workspace; the private key is shown only this once. */
export interface WorkspaceCredentials {
  workspace_id: string;
  user_id: string;
  private_key: string;
}

/** How a CLI run ended and what it printed on each stream, line by line. */
export interface CliRun {
  status: ExitStatus;
  stdout: string[];
  stderr: string[];
}

const CLI = 'apps/gateway/src/cli/workspace-create.cli.ts';

/** Runs the gateway's workspace-create CLI (compiled) with `args` on `env.DATABASE_URL` and waits for it to exit. */
export async function runWorkspaceCli(env: Record<string, string>, args: readonly string[] = []): Promise<CliRun> {
  const output: CliRun = { status: { code: null, signal: null }, stdout: [], stderr: [] };
  const cli = await spawnChild(process.execPath, compiledNodeArgs(REPO_ROOT, CLI, args), {
    cwd: REPO_ROOT,
    env: compiledNodeEnv(REPO_ROOT, env),
    onLine: (line, stream) => void output[stream].push(line),
  });
  output.status = await cli.exited;
  return output;
}

/** Runs the gateway's workspace-create CLI against `env.DATABASE_URL` and returns the new workspace's credentials. */
export async function createWorkspaceWithCli(env: Record<string, string>, name: string): Promise<WorkspaceCredentials> {
  const run = await runWorkspaceCli(env, ['--name', name]);
  const output = [...run.stdout, ...run.stderr].slice(-30).join('\n');
  if (run.status.code !== 0) throw new Error(`${CLI} ${describeExit(run.status)}:\n${output}`);

  // Logs go to stderr; the one JSON line on stdout is the result.
  const jsonLine = run.stdout.findLast((line) => line.trimStart().startsWith('{'));
  const parsed: unknown = jsonLine === undefined ? undefined : JSON.parse(jsonLine);
  if (!isCredentials(parsed)) throw new Error(`${CLI} printed no workspace credentials:\n${output}`);
  return parsed;
}

function isCredentials(value: unknown): value is WorkspaceCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['workspace_id', 'user_id', 'private_key'].every((key) => typeof record[key] === 'string');
}
