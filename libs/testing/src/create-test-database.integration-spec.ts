import { postgresAnswers, withPostgresClient } from '@switchboard/local-infra';
import { createTestDatabase } from './create-test-database.js';

describe('createTestDatabase', () => {
  it('gives each caller its own empty database on the test Postgres', async () => {
    const [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(first.name).not.toBe(second.name);
      await withPostgresClient(first.url, (client) => client.query('CREATE TABLE only_in_first (id int)'));
      const tablesInSecond = await withPostgresClient(second.url, async (client) => (await client.query("SELECT 1 FROM pg_tables WHERE tablename = 'only_in_first'")).rowCount);
      expect(tablesInSecond).toBe(0);
      const current = await withPostgresClient(first.url, async (client) => (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db);
      expect(current).toBe(first.name);
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });

  it('drop() removes the database even while a client is still connected', async () => {
    const database = await createTestDatabase();
    const lingering = await withPostgresClient(database.url, async (client) => {
      await database.drop();
      return client.query('SELECT 1').then(
        () => 'still usable',
        () => 'disconnected',
      );
    }).catch(() => 'disconnected');
    expect(lingering).toBe('disconnected');
    await expect(postgresAnswers(database.url)).resolves.toBe(false);
  });
});
