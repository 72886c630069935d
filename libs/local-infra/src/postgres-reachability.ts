import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { RunAs } from './postgres-system-user.js';

const SEARCH_BY_OWNER = 0o100;
const SEARCH_BY_GROUP = 0o010;
const SEARCH_BY_OTHERS = 0o001;

/**
 * The first directory on the way to `path` that `runAs` may not enter, if any: a checkout under a private (0700)
 * directory leaves the postgres system user unable to start its own binaries, which otherwise fails as a bare EACCES.
 */
export async function unenterableDirectory(path: string, runAs: RunAs): Promise<string | undefined> {
  const ancestors: string[] = [];
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    ancestors.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of ancestors) {
    const { mode, uid, gid } = await stat(dir);
    const bit = uid === runAs.uid ? SEARCH_BY_OWNER : gid === runAs.gid ? SEARCH_BY_GROUP : SEARCH_BY_OTHERS;
    if ((mode & bit) === 0) return dir;
  }
  return undefined;
}

/** Throws a message that says what to do when the postgres system user cannot reach `paths`. */
export async function assertReachableByPostgres(paths: string[], runAs: RunAs): Promise<void> {
  for (const path of paths) {
    const blocked = await unenterableDirectory(path, runAs);
    if (blocked) {
      const mode = ((await stat(blocked)).mode & 0o777).toString(8).padStart(4, '0');
      throw new Error(
        `PostgreSQL cannot run as root, so it runs as the postgres system user, which cannot enter ${blocked} (mode ${mode}) on the way to ${path}. ` +
          `Allow it (chmod o+x ${blocked}), move the checkout to a directory others may enter, or set DATABASE_URL to a running PostgreSQL.`,
      );
    }
  }
}
