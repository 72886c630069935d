import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ErrorCode, Role, roleCovers } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { AuthenticatedRequest } from '../auth/authenticated-request.js';
import { MembersService } from '../members/members.service.js';

/**
 * Lets a member manage their own keys and an admin anyone's, before the body is validated. Another member is looked
 * up first, so another workspace's member is a 404 whatever the caller's role.
 */
@Injectable()
export class OwnKeysGuard implements CanActivate {
  constructor(private readonly members: MembersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { params: { member?: string } }>();
    const { userId, role, workspaceId } = request;
    const member = request.params.member ?? '';
    if (member === userId || (role && roleCovers(role, Role.Admin))) return true;
    if (!workspaceId) return false;
    await this.members.member(workspaceId, member);
    throw new DomainError(ErrorCode.Forbidden, `Your role (${role ?? 'none'}) manages only your own keys: ${member}'s need an admin`, { role: role ?? null, needed: Role.Admin });
  }
}
