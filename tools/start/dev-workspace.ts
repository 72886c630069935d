import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compiledNodeArgs, describeExit, spawnChild } from '@switchboard/local-infra';

const CLI = 'apps/gateway/src/cli/workspace-create.cli.ts';

export type DevWorkspace = { created: false } | { created: true; workspace_id: string; user_id: string; private_key: string; credentialsFile: string };

/**
 * Creates the `development` workspace on first start (the CLI's --if-none does nothing when any workspace exists)
 * and saves its credentials to `<dataDir>/dev-credentials.json` (0600): only the key's hash is stored, so this is the one chance to keep it.
 */
export async function ensureDevWorkspace(repoRoot: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<DevWorkspace> {
  const stdout: string[] = [];
  const cli = await spawnChild(process.execPath, compiledNodeArgs(repoRoot, CLI, ['--if-none', '--name', 'development']), {
    cwd: repoRoot,
    env,
    onLine: (line, stream) => {
      if (stream === 'stdout') stdout.push(line);
    },
  });
  const status = await cli.exited;
  if (status.code !== 0) throw new Error(`${CLI} ${describeExit(status)}:\n${cli.tail(30).join('\n')}`);

  const jsonLine = stdout.findLast((line) => line.trimStart().startsWith('{'));
  const result = (jsonLine === undefined ? undefined : JSON.parse(jsonLine)) as Record<string, unknown> | undefined;
  if (result?.created === false) return { created: false };
  const { workspace_id, user_id, private_key } = result ?? {};
  if (typeof workspace_id !== 'string' || typeof user_id !== 'string' || typeof private_key !== 'string') {
    throw new Error(`${CLI} printed no workspace credentials:\n${cli.tail(30).join('\n')}`);
  }
  const credentialsFile = join(dataDir, 'dev-credentials.json');
  await writeFile(credentialsFile, `${JSON.stringify({ workspace_id, user_id, private_key }, null, 2)}\n`, { mode: 0o600 });
  await chmod(credentialsFile, 0o600); // mode only applies when the file is new
  return { created: true, workspace_id, user_id, private_key, credentialsFile };
}
