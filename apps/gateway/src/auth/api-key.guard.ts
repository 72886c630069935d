import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CSRF_HEADER, ErrorCode, SESSION_COOKIE, type Role } from '@switchboard/contracts';
import { actAs, DomainError } from '@switchboard/platform';
import type { LiveSession } from '../sessions/live-session.js';
import { csrfTokenMatches } from '../sessions/session-token.js';
import { sessionOver, SessionsService } from '../sessions/sessions.service.js';
import { AccessCache } from './access-cache.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { CredentialHeaders } from './credential-headers.js';
import { CredentialVerifier, type VerifiedMember } from './credential-verifier.js';
import { IS_PUBLIC } from './public.decorator.js';

const BEARER = /^Bearer\s+(\S+)$/i;
// A cookie is sent by the browser on its own, so only methods that change nothing are let through without the CSRF token.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every request but the public ones, by the three credential headers or by the session cookie, and pins
 * it to the caller's workspace. The headers win when any of them is sent, so a script's calls never depend on a cookie.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialVerifier,
    private readonly sessions: SessionsService,
    private readonly access: AccessCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const sessionToken = request.cookies[SESSION_COOKIE];
    const caller = sessionToken && !sendsCredentialHeaders(request) ? await this.sessionCaller(request, sessionToken) : await this.keyCaller(request);
    request.workspaceId = caller.workspaceId;
    request.userId = caller.userId;
    request.role = caller.role;
    actAs(caller.role);
    request.keyId = caller.keyId;
    // The request logger sees only the raw Node request, so the workspace is stamped there too.
    Object.assign(request.raw, { workspaceId: caller.workspaceId });
    return true;
  }

  private async keyCaller(request: AuthenticatedRequest): Promise<VerifiedMember> {
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
    return this.credentials.verify(workspaceId, userId, privateKey);
  }

  // The role is read from the member, not kept in the session, so a role change or a removal applies to sessions at once.
  private async sessionCaller(request: AuthenticatedRequest, token: string): Promise<LiveSession & { role: Role; keyId: undefined }> {
    const session = await this.sessions.live(token);
    const member = await this.access.member(session.userId);
    if (!member || member.workspaceId !== session.workspaceId) throw sessionOver();
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(headerOf(request, CSRF_HEADER), session.csrfToken)) {
      throw new DomainError(
        ErrorCode.CsrfInvalid,
        `${CSRF_HEADER} must carry the session's csrf_token (from POST /v1/sessions or GET /v1/sessions/current) on calls that change state`,
        { header: CSRF_HEADER },
      );
    }
    request.session = { token, ...session };
    return { ...session, role: member.role, keyId: undefined };
  }
}

function sendsCredentialHeaders(request: AuthenticatedRequest): boolean {
  return Object.values(CredentialHeaders).some((name) => headerOf(request, name) !== undefined);
}

function headerOf(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  const single = Array.isArray(value) ? value[0] : value;
  return single?.trim() || undefined;
}
