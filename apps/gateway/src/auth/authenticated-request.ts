import type { Role } from '@switchboard/contracts';
import type { FastifyRequest } from 'fastify';
import type { CookieSession } from '../sessions/live-session.js';

/**
 * A request the guard let through, stamped with the caller's workspace, user and role, with the API key it presented
 * (`keyId`) or the session (and the cookie's token) when the session cookie authenticated it; `audited` when it is a
 * member's change the audit log records once it has succeeded.
 */
export type AuthenticatedRequest = FastifyRequest & { workspaceId?: string; userId?: string; role?: Role; keyId?: string; session?: CookieSession; audited?: boolean };
