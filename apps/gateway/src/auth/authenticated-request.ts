import type { FastifyRequest } from 'fastify';

/** A request the guard let through, stamped with the caller's workspace and user. */
export type AuthenticatedRequest = FastifyRequest & { workspaceId?: string; userId?: string };
