import { randomBytes } from 'node:crypto';
import { withDatabase, withPostgresClient } from '@switchboard/local-infra';

export interface TestDatabase {
  /** The database name (`switchboard_test_<random>`). */
  name: string;
  /** URL of the new database, same server and credentials as the test Postgres. */
  url: string;
  /** Drops the database, disconnecting whoever is still connected. */
  drop(): Promise<void>;
}

/** Creates a new, empty database with a random name on the test Postgres (process.env.DATABASE_URL from the jest global setup). */
export async function createTestDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    throw new Error('DATABASE_URL is not set: createTestDatabase needs the test Postgres that the jest global setup starts (libs/testing/src/jest/global-setup.ts).');
  }
  const name = `switchboard_test_${randomBytes(6).toString('hex')}`;
  await withPostgresClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: async () => {
      await withPostgresClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}
