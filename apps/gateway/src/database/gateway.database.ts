import type { ServiceDatabase } from '@switchboard/platform';
import { UserEntity } from '../workspaces/user.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { CreateGateway1763900000000 } from './migrations/1763900000000-create-gateway.js';

/** The gateway's own schema: workspaces and the hashes of their users' keys. */
export const gatewayDatabase: ServiceDatabase = {
  schema: 'gateway',
  entities: [WorkspaceEntity, UserEntity],
  migrations: [CreateGateway1763900000000],
};
