import { join, resolve } from 'node:path';

/** Where npm start keeps NATS and PostgreSQL data, dev credentials and the master key: SWITCHBOARD_DATA_DIR, else `.data/`. */
export function localDataDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SWITCHBOARD_DATA_DIR ?? join(repoRoot, '.data'));
}
