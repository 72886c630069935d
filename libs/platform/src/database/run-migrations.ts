import { createHash } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Brings the service's schema up to date. Replicas starting together take turns on a Postgres
 * advisory lock, so two executors never race to apply the same migration.
 */
export async function runMigrations(options: DataSourceOptions & { schema?: string }): Promise<string[]> {
  const schema = options.schema ?? 'public';
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  const lockKey = advisoryLockKey(schema);
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [lockKey]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    // Closing the session releases the advisory lock too, so a failed start never leaves it held.
    await runner.release();
    await dataSource.destroy();
  }
}

function advisoryLockKey(schema: string): string {
  return BigInt.asIntN(64, createHash('sha256').update(`switchboard:migrations:${schema}`).digest().readBigUInt64BE()).toString();
}
