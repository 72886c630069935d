import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeExit, isPidAlive, spawnChild, type ChildHandle } from './child-process.js';
import type { PostgresBinaries } from './postgres-binaries.js';
import type { RunAs } from './postgres-system-user.js';

export interface InitialiseClusterOptions {
  binaries: PostgresBinaries;
  pgdata: string;
  user: string;
  password: string;
  runAs: RunAs | undefined;
  /** Skip fsync during initdb (throw-away test clusters). */
  noSync: boolean;
}

/** Creates a new cluster in the empty or missing directory `pgdata` with password authentication over TCP. */
export async function initialiseCluster(options: InitialiseClusterOptions): Promise<void> {
  const { binaries, pgdata, runAs } = options;
  await mkdir(pgdata, { recursive: true, mode: 0o700 });
  if (runAs) await chown(pgdata, runAs.uid, runAs.gid);

  // initdb reads the superuser password from a file that the postgres user must be able to read.
  const passwordDir = await mkdtemp(join(tmpdir(), 'switchboard-pg-'));
  const passwordFile = join(passwordDir, 'password');
  try {
    await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(passwordDir, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${pgdata}`,
      `--username=${options.user}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
      ...(options.noSync ? ['--no-sync'] : []),
    ];
    const initdb = await spawnChild(binaries.initdb, args, { uid: runAs?.uid, gid: runAs?.gid, env: { ...process.env, LC_ALL: 'C' } });
    const status = await initdb.exited;
    if (status.code !== 0) {
      const reachHint = runAs ? ` The postgres system user (uid ${runAs.uid}) must be able to reach ${pgdata}: every parent directory needs o+x.` : '';
      throw new Error(`initdb ${describeExit(status)}.${reachHint}\n${initdb.tail(40).join('\n')}`);
    }
  } finally {
    await rm(passwordDir, { recursive: true, force: true });
  }
}

export interface StartPostgresServerOptions {
  binaries: PostgresBinaries;
  pgdata: string;
  port: number;
  runAs: RunAs | undefined;
  /** Extra `-c name=value` settings. */
  settings: Record<string, string>;
  detached: boolean;
}

/** Spawns the postgres server on 127.0.0.1:`port` (TCP only, no Unix socket); readiness is the caller's to poll. */
export async function startPostgresServer(options: StartPostgresServerOptions): Promise<ChildHandle> {
  const settings: Record<string, string> = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const args = ['-D', options.pgdata, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  return spawnChild(options.binaries.postgres, args, {
    uid: options.runAs?.uid,
    gid: options.runAs?.gid,
    detached: options.detached,
    env: { ...process.env, LC_ALL: 'C' },
  });
}

/** Reads `postmaster.pid` and returns the pid and port of a postgres that still runs on this data directory. */
export async function findRunningPostmaster(pgdata: string): Promise<{ pid: number; port: number } | undefined> {
  const content = await readFile(join(pgdata, 'postmaster.pid'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (content === undefined) return undefined;
  const lines = content.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // A stale file from a crash names a dead pid; postgres itself cleans that up on start.
  if (!Number.isInteger(pid) || pid <= 0 || !isPidAlive(pid)) return undefined;
  return { pid, port };
}
