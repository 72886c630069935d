import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@switchboard/contracts';
import type { AuthenticatedRequest } from './authenticated-request.js';

/** Who is calling: the workspace every message is scoped to, the user the audit log names, and what they may do. */
export interface Caller {
  workspaceId: string;
  userId: string;
  role: Role;
}

/** The authenticated caller of a route. */
export const CallerOf = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const { workspaceId, userId, role } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!workspaceId || !userId || !role) throw new Error('CallerOf used on a route the ApiKeyGuard did not authenticate');
  return { workspaceId, userId, role };
});
