import type { ServiceDatabase } from '@switchboard/platform';
import { RateLimitBucketEntity } from '../rate-limits/rate-limit-bucket.entity.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { UserEntity } from '../workspaces/user.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { CreateGateway1763900000000 } from './migrations/1763900000000-create-gateway.js';
import { CreateSessions1796172817000 } from './migrations/1796172817000-create-sessions.js';
import { CreateRateLimitBuckets1796288894786 } from './migrations/1796288894786-create-rate-limit-buckets.js';

/** The gateway's own schema: workspaces, the hashes of their users' keys, sign-in sessions, and rate-limit buckets. */
export const gatewayDatabase: ServiceDatabase = {
  schema: 'gateway',
  entities: [WorkspaceEntity, UserEntity, SessionEntity, RateLimitBucketEntity],
  migrations: [CreateGateway1763900000000, CreateSessions1796172817000, CreateRateLimitBuckets1796288894786],
};
