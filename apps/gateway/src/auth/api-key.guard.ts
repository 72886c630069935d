import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { hashPrivateKey, privateKeyMatches } from '../workspaces/private-key.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { CredentialHeaders } from './credential-headers.js';
import { IS_PUBLIC } from './public.decorator.js';
import { UserKeyCache } from './user-key-cache.js';

const BEARER = /^Bearer\s+(\S+)$/i;
const UNKNOWN_USER_KEY_HASH = hashPrivateKey('no user has this key');

/** Authenticates every request but the public probes, and pins it to the caller's workspace. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UserKeyCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const workspaceId = headerOf(request, CredentialHeaders.WorkspaceId);
    const userId = headerOf(request, CredentialHeaders.UserId);
    const privateKey = BEARER.exec(headerOf(request, CredentialHeaders.Authorization) ?? '')?.[1];
    const missing = [
      workspaceId ? undefined : CredentialHeaders.WorkspaceId,
      userId ? undefined : CredentialHeaders.UserId,
      privateKey ? undefined : 'authorization: Bearer <private_key>',
    ].filter((header) => header !== undefined);
    if (missing.length > 0 || !workspaceId || !userId || !privateKey) {
      throw new DomainError(ErrorCode.Unauthenticated, `Missing credentials: send ${missing.join(', ')}`, { missing });
    }
    const user = await this.users.lookup(userId);
    // The key is hashed and compared even for an unknown user, and every mismatch gets one message,
    // so neither timing nor wording tells a caller which of the three values was right.
    const keyMatches = privateKeyMatches(privateKey, user?.keyHash ?? UNKNOWN_USER_KEY_HASH);
    if (!user || user.workspaceId !== workspaceId || !keyMatches) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Invalid credentials: the workspace, user and private key do not match', {});
    }
    request.workspaceId = workspaceId;
    request.userId = userId;
    // The request logger sees only the raw Node request, so the workspace is stamped there too.
    Object.assign(request.raw, { workspaceId });
    return true;
  }
}

function headerOf(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  const single = Array.isArray(value) ? value[0] : value;
  return single?.trim() || undefined;
}
