import type { ServiceDatabase } from '@switchboard/platform';
import { SessionEntity } from '../sessions/session.entity.js';
import { UserEntity } from '../workspaces/user.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { CreateGateway1763900000000 } from './migrations/1763900000000-create-gateway.js';
import { CreateSessions1796172817000 } from './migrations/1796172817000-create-sessions.js';

/** The gateway's own schema: workspaces, the hashes of their users' keys, and sign-in sessions. */
export const gatewayDatabase: ServiceDatabase = {
  schema: 'gateway',
  entities: [WorkspaceEntity, UserEntity, SessionEntity],
  migrations: [CreateGateway1763900000000, CreateSessions1796172817000],
};
