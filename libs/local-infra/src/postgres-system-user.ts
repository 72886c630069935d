import { runCommand } from './run-command.js';

export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root: when we are root, returns the uid/gid of the `postgres` system user,
 * creating that user first if needed. Returns undefined when we are not root (run as ourselves).
 */
export async function postgresRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  if (!(await userExists())) {
    const hasGroup = (await runCommand('getent', ['group', 'postgres'])).code === 0;
    if (!hasGroup) await mustRun('groupadd', ['--system', 'postgres']);
    await mustRun('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  }
  const uid = Number((await runCommand('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await runCommand('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

async function userExists(): Promise<boolean> {
  return (await runCommand('id', ['-u', 'postgres'])).code === 0;
}

async function mustRun(command: string, args: string[]): Promise<void> {
  const result = await runCommand(command, args);
  if (result.code !== 0) {
    throw new Error(`PostgreSQL cannot run as root and creating a postgres system user failed: \`${command} ${args.join(' ')}\` exited with ${result.code}: ${result.stderr.trim()}`);
  }
}
