import type { DataSourceOptions } from 'typeorm';

export interface ServiceDatabase {
  /** The Postgres schema the service owns; no other service reads or writes it. */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/** TypeORM options for one service: its own schema and migrations table, never `synchronize`. */
export function serviceDataSourceOptions(url: string, database: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: `${database.schema}_migrations`,
    migrationsRun: false,
    synchronize: false,
    // The migrations default ids to Postgres's built-in gen_random_uuid(), not uuid-ossp's uuid_generate_v4().
    uuidExtension: 'pgcrypto',
    extra: { max: 10, application_name: `switchboard-${database.schema}` },
  };
}
