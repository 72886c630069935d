import { compiledNodeArgs, describeExit, spawnChild } from '@switchboard/local-infra';
import { REPO_ROOT } from './repo-root.js';

/** What `workspace-create` prints for a new workspace; the private key is shown only this once. */
export interface WorkspaceCredentials {
  workspace_id: string;
  user_id: string;
  private_key: string;
}

const CLI = 'apps/gateway/src/cli/workspace-create.cli.ts';

/** Runs the gateway's workspace-create CLI against `env.DATABASE_URL` and returns the new workspace's credentials. */
export async function createWorkspaceWithCli(env: Record<string, string>, name?: string): Promise<WorkspaceCredentials> {
  const stdout: string[] = [];
  const cli = await spawnChild(process.execPath, compiledNodeArgs(REPO_ROOT, CLI, name === undefined ? [] : ['--name', name]), {
    cwd: REPO_ROOT,
    env,
    onLine: (line, stream) => {
      if (stream === 'stdout') stdout.push(line);
    },
  });
  const status = await cli.exited;
  const output = cli.tail(30).join('\n');
  if (status.code !== 0) throw new Error(`${CLI} ${describeExit(status)}:\n${output}`);

  // Logs go to stderr; the one JSON line on stdout is the result.
  const jsonLine = stdout.findLast((line) => line.trimStart().startsWith('{'));
  const parsed: unknown = jsonLine === undefined ? undefined : JSON.parse(jsonLine);
  if (!isCredentials(parsed)) throw new Error(`${CLI} printed no workspace credentials:\n${output}`);
  return parsed;
}

function isCredentials(value: unknown): value is WorkspaceCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['workspace_id', 'user_id', 'private_key'].every((key) => typeof record[key] === 'string');
}
