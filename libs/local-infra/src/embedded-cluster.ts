import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRunningPostmaster } from './postgres-cluster.js';
import { postgresUrl } from './postgres-url.js';

/** The superuser an embedded cluster is initialised with. */
export const EMBEDDED_SUPERUSER = 'postgres';

/** Where the embedded cluster of a data directory keeps its data (`<dataDir>/postgres`) and its superuser's password. */
export function embeddedClusterFiles(dataDir: string): { pgdata: string; passwordFile: string } {
  return { pgdata: join(dataDir, 'postgres'), passwordFile: join(dataDir, 'postgres-password') };
}

/** The superuser name and the generated password the embedded cluster of `dataDir` was initialised with. */
export async function embeddedClusterCredentials(dataDir: string): Promise<{ user: string; password: string }> {
  const { pgdata, passwordFile } = embeddedClusterFiles(dataDir);
  const content = await readFile(passwordFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new Error(`${pgdata} holds a PostgreSQL cluster but its password file ${passwordFile} is missing; delete ${pgdata} to start over with a new cluster.`);
    }
    throw error;
  });
  return { user: EMBEDDED_SUPERUSER, password: content.trim() };
}

/** The URL of `database` on an embedded cluster served on 127.0.0.1:`port` (it listens on nothing else). */
export function embeddedClusterUrl(credentials: { user: string; password: string }, port: number, database: string): string {
  return postgresUrl({ host: '127.0.0.1', port, database, ...credentials });
}

/** The postgres that runs on the embedded cluster of `dataDir`, if one does (npm start's, or one it left running). */
export async function runningEmbeddedCluster(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  return findRunningPostmaster(embeddedClusterFiles(dataDir).pgdata);
}
