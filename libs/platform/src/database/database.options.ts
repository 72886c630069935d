import type { DataSourceOptions, MixedList } from 'typeorm';

export interface ServiceDatabase {
  /** The Postgres schema the service owns; no other service reads or writes it. */
  schema: string;
  // TypeORM's own signature for entity and migration lists.
  entities: MixedList<Function | string>;
  migrations: MixedList<Function | string>;
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
    extra: { max: 10, application_name: `switchboard-${database.schema}` },
  };
}
