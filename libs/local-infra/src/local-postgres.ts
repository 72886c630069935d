import { embeddedClusterCredentials, embeddedClusterUrl, runningEmbeddedCluster } from './embedded-cluster.js';
import { postgresAnswers } from './postgres-client.js';

/** The services' default DATABASE_URL, which npm start tries before its embedded PostgreSQL. */
export const LOCAL_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/switchboard';

/**
 * The PostgreSQL that npm start runs the services on, found without starting anything: `url` when it answers, else
 * the embedded cluster of `dataDir` when it runs and answers (its port read from its postmaster.pid, its password
 * from the data directory); undefined when neither answers.
 */
export async function findLocalPostgres(url: string, dataDir: string, database = 'switchboard'): Promise<string | undefined> {
  if (await postgresAnswers(url)) return url;
  const running = await runningEmbeddedCluster(dataDir);
  if (!running) return undefined;
  const embedded = embeddedClusterUrl(await embeddedClusterCredentials(dataDir), running.port, database);
  return (await postgresAnswers(embedded)) ? embedded : undefined;
}
