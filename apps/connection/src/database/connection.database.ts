import type { ServiceDatabase } from '@switchboard/platform';
import { ConnectionEnvEntity } from '../connections/connection-env.entity.js';
import { ConnectionEntity } from '../connections/connection.entity.js';
import { CreateConnections1763900000000 } from './migrations/1763900000000-create-connections.js';

/** The connection service's own schema: connected apps and their per-env mapping. */
export const connectionDatabase: ServiceDatabase = {
  schema: 'connection',
  entities: [ConnectionEntity, ConnectionEnvEntity],
  migrations: [CreateConnections1763900000000],
};
