import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MasterKey } from './master-key.js';

/** Where a master key came from; the rotation CLI needs to know whether it may replace the file. */
export type MasterKeySource = { kind: 'environment' } | { kind: 'file'; path: string; generated: boolean };

/** The loaded key and where it came from. */
export interface LoadedMasterKey {
  key: MasterKey;
  source: MasterKeySource;
}

/** Receives the one warning the loader may give (a generated key); a Nest Logger fits. */
export interface MasterKeyLogger {
  warn(message: string): void;
}

/** What {@link loadMasterKey} reads. */
export interface MasterKeySettings {
  /** SWITCHBOARD_MASTER_KEY: wins over the file when set. */
  SWITCHBOARD_MASTER_KEY?: string;
  /** SWITCHBOARD_MASTER_KEY_FILE, relative to `cwd`. */
  SWITCHBOARD_MASTER_KEY_FILE: string;
}

/** How {@link loadMasterKey} behaves when no key exists yet. */
export interface LoadMasterKeyOptions {
  logger: MasterKeyLogger;
  /** Generate and save a key when the file is absent (the service does; the rotation CLI must not). */
  createIfMissing?: boolean;
  cwd?: string;
}

/**
 * Loads the master key the way the service does: SWITCHBOARD_MASTER_KEY, else the key file, else
 * (when allowed) a newly generated key saved to that file with mode 0600.
 */
export async function loadMasterKey(settings: MasterKeySettings, options: LoadMasterKeyOptions): Promise<LoadedMasterKey> {
  if (settings.SWITCHBOARD_MASTER_KEY !== undefined) {
    return { key: MasterKey.parse(settings.SWITCHBOARD_MASTER_KEY, 'SWITCHBOARD_MASTER_KEY'), source: { kind: 'environment' } };
  }
  const path = resolve(options.cwd ?? process.cwd(), settings.SWITCHBOARD_MASTER_KEY_FILE);
  const existing = await readMasterKeyFile(path);
  if (existing) return { key: existing, source: { kind: 'file', path, generated: false } };
  if (!options.createIfMissing) {
    throw new Error(`No master key: SWITCHBOARD_MASTER_KEY is not set and the key file ${path} does not exist`);
  }
  const created = await createMasterKeyFile(path);
  if (created.generated) {
    options.logger.warn(
      `Generated a new master key at ${path} (id ${created.key.id}). It encrypts every secret value stored in Postgres: ` +
        'back it up apart from the database, because losing it loses every secret.',
    );
  }
  return { key: created.key, source: { kind: 'file', path, generated: created.generated } };
}

/** Reads a key file, refusing one that others may read; undefined when it does not exist. */
export async function readMasterKeyFile(path: string): Promise<MasterKey | undefined> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  // POSIX permission bits mean nothing on Windows, where Node reports 0666 for every file.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(`The master key file ${path} is open to other users (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); run "chmod 600 ${path}" and start again`);
  }
  return MasterKey.parse(await readFile(path, 'utf8'), `The master key file ${path}`);
}

/**
 * Writes a new key to `path` unless a key file appears there first. The file is written under a
 * temporary name and linked into place, so replicas starting together never read a half-written
 * key and never overwrite each other's: the loser reads the winner's key.
 */
export async function createMasterKeyFile(path: string, key: MasterKey = MasterKey.generate()): Promise<{ key: MasterKey; generated: boolean }> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${key.toBase64()}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return { key, generated: true };
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    const winner = await readMasterKeyFile(path);
    if (!winner) throw new Error(`The master key file ${path} vanished while it was being created`, { cause: error });
    return { key: winner, generated: false };
  } finally {
    await unlink(temporary);
  }
}

// Structural rather than `instanceof Error`: errors from node:fs may come from another realm (Jest's VM contexts).
function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}
