import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request.js';

/** Who is calling: the workspace every message is scoped to and the user the audit log names. */
export interface Caller {
  workspaceId: string;
  userId: string;
}

/** The authenticated caller of a route. */
export const CallerOf = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const { workspaceId, userId } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!workspaceId || !userId) throw new Error('CallerOf used on a route the ApiKeyGuard did not authenticate');
  return { workspaceId, userId };
});
