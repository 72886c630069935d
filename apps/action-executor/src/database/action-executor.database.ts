import type { ServiceDatabase } from '@switchboard/platform';

/** The action-executor service's own schema; its tables arrive with the capability that needs them. */
export const actionExecutorDatabase: ServiceDatabase = {
  schema: 'action_executor',
  entities: [],
  migrations: [],
};
