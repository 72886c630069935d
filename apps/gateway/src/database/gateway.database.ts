import type { ServiceDatabase } from '@switchboard/platform';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ApiKeyEntity } from '../keys/api-key.entity.js';
import { RateLimitBucketEntity } from '../rate-limits/rate-limit-bucket.entity.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { UserEntity } from '../workspaces/user.entity.js';
import { WorkspaceEntity } from '../workspaces/workspace.entity.js';
import { CreateGateway1763900000000 } from './migrations/1763900000000-create-gateway.js';
import { CreateSessions1796172817000 } from './migrations/1796172817000-create-sessions.js';
import { CreateRateLimitBuckets1796288894786 } from './migrations/1796288894786-create-rate-limit-buckets.js';
import { MembersKeysAudit1796300000000 } from './migrations/1796300000000-members-keys-audit.js';

/** The gateway's own schema: workspaces, their members and the hashes of their keys, sign-in sessions, the audit log, rate-limit buckets. */
export const gatewayDatabase: ServiceDatabase = {
  schema: 'gateway',
  entities: [WorkspaceEntity, UserEntity, ApiKeyEntity, SessionEntity, AuditEventEntity, RateLimitBucketEntity],
  migrations: [CreateGateway1763900000000, CreateSessions1796172817000, CreateRateLimitBuckets1796288894786, MembersKeysAudit1796300000000],
};
