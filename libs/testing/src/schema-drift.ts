import { runMigrations, serviceDataSourceOptions, type ServiceDatabase } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { createTestDatabase } from './create-test-database.js';

/**
 * The SQL TypeORM would run to make a freshly migrated database match the service's entities: empty when the
 * migrations and the entities describe the same tables, columns, defaults, indexes and checks.
 */
export async function schemaDriftOf(database: ServiceDatabase): Promise<string[]> {
  const testDatabase = await createTestDatabase();
  const options = serviceDataSourceOptions(testDatabase.url, database);
  const dataSource = new DataSource(options);
  try {
    await runMigrations(options);
    await dataSource.initialize();
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    return upQueries.map((query) => query.query);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await testDatabase.drop();
  }
}
