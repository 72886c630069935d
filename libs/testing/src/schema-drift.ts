import { withPostgresClient } from '@switchboard/local-infra';
import { runMigrations, serviceDataSourceOptions, type ServiceDatabase } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './create-test-database.js';

/**
 * How a freshly migrated database differs from the service's entities, empty when both describe the same schema:
 * the SQL TypeORM's schema diff would run, then every column, constraint and index Postgres reports for one but
 * not the other. The second part catches what TypeORM compares by name only (a CHECK whose expression changed, an
 * index's order or WHERE clause): it builds the entities' schema in a second database and compares Postgres's own
 * rendering of both, names left out, since only the definitions decide what a row may hold.
 */
export async function schemaDriftOf(database: ServiceDatabase): Promise<string[]> {
  const [migrated, synchronized] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  try {
    const typeormDiff = await migrateAndDiff(migrated, database);
    await synchronize(synchronized, database);
    const [fromMigrations, fromEntities] = await Promise.all([catalogOf(migrated.url, database.schema), catalogOf(synchronized.url, database.schema)]);
    return [
      ...typeormDiff,
      ...missingFrom(fromEntities, fromMigrations).map((line) => `only the migrations create: ${line}`),
      ...missingFrom(fromMigrations, fromEntities).map((line) => `only the entities describe: ${line}`),
    ];
  } finally {
    await Promise.all([migrated.drop(), synchronized.drop()]);
  }
}

async function migrateAndDiff(testDatabase: TestDatabase, database: ServiceDatabase): Promise<string[]> {
  const options = serviceDataSourceOptions(testDatabase.url, database);
  await runMigrations(options);
  const dataSource = await new DataSource(options).initialize();
  try {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    return upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}

async function synchronize(testDatabase: TestDatabase, database: ServiceDatabase): Promise<void> {
  await withPostgresClient(testDatabase.url, (client) => client.query(`CREATE SCHEMA ${client.escapeIdentifier(database.schema)}`));
  const dataSource = await new DataSource(serviceDataSourceOptions(testDatabase.url, database)).initialize();
  try {
    await dataSource.synchronize();
  } finally {
    await dataSource.destroy();
  }
}

// One line per column, constraint and index of the schema, as Postgres renders it, without the names TypeORM and
// the migrations may choose differently. The migrations' own bookkeeping table is not part of the service's schema.
const CATALOG_SQL = `
  SELECT format('column %s.%s %s%s default %s', table_name, column_name, data_type, CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END, coalesce(column_default, 'none')) AS line
    FROM information_schema.columns WHERE table_schema = $1 AND table_name <> $2
  UNION ALL
  SELECT format('constraint on %s: %s', relname, pg_get_constraintdef(pg_constraint.oid))
    FROM pg_constraint JOIN pg_class ON pg_class.oid = conrelid WHERE connamespace = $1::regnamespace AND relname <> $2
  UNION ALL
  SELECT format('index on %s: %s', tablename, regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \\S+ ON ', 'CREATE \\1INDEX ON '))
    FROM pg_indexes WHERE schemaname = $1 AND tablename <> $2`;

async function catalogOf(url: string, schema: string): Promise<string[]> {
  const migrationsTable = `${schema}_migrations`;
  const { rows } = await withPostgresClient(url, (client) => client.query<{ line: string }>(CATALOG_SQL, [schema, migrationsTable]));
  return rows.map((row) => row.line).sort();
}

// Each line of `lines` that `other` does not have as often, so a duplicated constraint counts too.
function missingFrom(other: string[], lines: string[]): string[] {
  const left = new Map<string, number>();
  for (const line of other) left.set(line, (left.get(line) ?? 0) + 1);
  return lines.filter((line) => {
    const count = left.get(line) ?? 0;
    left.set(line, count - 1);
    return count <= 0;
  });
}
