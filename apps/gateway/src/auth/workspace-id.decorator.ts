import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request.js';

/** The authenticated caller's workspace; every downstream message carries it. */
export const WorkspaceId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const workspaceId = context.switchToHttp().getRequest<AuthenticatedRequest>().workspaceId;
  if (!workspaceId) throw new Error('WorkspaceId used on a route the ApiKeyGuard did not authenticate');
  return workspaceId;
});
