import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSessionBody, ErrorCode, Role, type SessionView } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/authenticated-request.js';
import { CredentialVerifier } from '../auth/credential-verifier.js';
import { Public } from '../auth/public.decorator.js';
import type { CookieSession, LiveSession } from './live-session.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';
import { Needs } from '../auth/needs-role.decorator.js';

/** Sign-in for browsers: the credentials are given once and exchanged for an HttpOnly session cookie. */
@ApiTags('sessions')
@Controller('v1/sessions')
export class SessionsController {
  constructor(
    private readonly credentials: CredentialVerifier,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post()
  @ApiOperation({ summary: 'Sign in: exchange workspace id, user id and private key for a session cookie and its CSRF token', security: [] })
  async signIn(@Body() body: CreateSessionBody, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionView> {
    await this.credentials.verify(body.workspace_id, body.user_id, body.private_key);
    const { token, session } = await this.sessions.start(body.workspace_id, body.user_id);
    setSessionCookie(reply, token, session.expiresAt);
    return viewOf(session);
  }

  @Get('current')
  @ApiOperation({ summary: 'The session the cookie carries, with its CSRF token (for a page reload); 401 once it ended or expired' })
  current(@Req() request: AuthenticatedRequest): SessionView {
    return viewOf(sessionOf(request));
  }

  @Delete('current')
  @Needs(Role.Viewer)
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: end the session on the server and clear its cookie' })
  async signOut(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.end(sessionOf(request));
    clearSessionCookie(reply);
  }
}

function sessionOf(request: AuthenticatedRequest): CookieSession {
  if (request.session) return request.session;
  throw new DomainError(ErrorCode.Unauthenticated, 'No session: this call was authenticated by key headers, not by a session cookie (sign in with POST /v1/sessions)', {});
}

function viewOf(session: LiveSession): SessionView {
  return { workspace_id: session.workspaceId, user_id: session.userId, expires_at: session.expiresAt.toISOString(), csrf_token: session.csrfToken };
}
