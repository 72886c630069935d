import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Events } from '@switchboard/contracts';
import { DomainError, EventPublisher } from '@switchboard/platform';
import { IsNull, Repository } from 'typeorm';
import { generateId } from '../workspaces/private-key.js';
import type { CookieSession, LiveSession } from './live-session.js';
import { SessionCache } from './session-cache.js';
import { SessionEntity } from './session.entity.js';
import { generateCsrfToken, generateSessionToken, hashSessionToken } from './session-token.js';

export const SESSION_TTL_SECONDS = Symbol('SESSION_TTL_SECONDS');

/** The refusal of a cookie naming no live session: one message whether it ended, expired or never existed. */
export function sessionOver(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'The session has ended or expired: sign in again (POST /v1/sessions)', {});
}

/** Starts, finds and ends sign-in sessions; a session is bound to the workspace and user that signed in. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly repository: Repository<SessionEntity>,
    private readonly cache: SessionCache,
    private readonly events: EventPublisher,
    @Inject(SESSION_TTL_SECONDS) private readonly ttlSeconds: number,
  ) {}

  /** A new session for a verified user, with the token its cookie carries (shown once, only its hash is kept). */
  async start(workspaceId: string, userId: string): Promise<{ token: string; session: LiveSession }> {
    const token = generateSessionToken();
    const session: LiveSession = {
      id: generateId('ses'),
      workspaceId,
      userId,
      csrfToken: generateCsrfToken(),
      expiresAt: new Date(Date.now() + this.ttlSeconds * 1000),
    };
    await this.repository.manager.transaction(async (tx) => {
      // Rows of the user's sessions that are over go at the next sign-in, so the table grows with live sessions only.
      await tx
        .createQueryBuilder()
        .delete()
        .from(SessionEntity)
        .where('user_id = :userId AND (ended_at IS NOT NULL OR expires_at <= now())', { userId })
        .execute();
      await tx.insert(SessionEntity, { ...session, tokenHash: hashSessionToken(token), endedAt: null });
    });
    this.events.publish(Events.SessionCreated, { workspace_id: workspaceId, user_id: userId, session_id: session.id });
    return { token, session };
  }

  /** The live session a cookie's token names; throws {@link sessionOver} for any other token. */
  async live(token: string): Promise<LiveSession> {
    const session = await this.cache.lookup(hashSessionToken(token));
    if (!session) throw sessionOver();
    return session;
  }

  /** Ends a session on the server: its cookie is refused from now on, on this gateway at once. */
  async end(session: CookieSession): Promise<void> {
    await this.repository.update({ id: session.id, endedAt: IsNull() }, { endedAt: new Date() });
    this.cache.dropToken(hashSessionToken(session.token));
    this.events.publish(Events.SessionEnded, { workspace_id: session.workspaceId, user_id: session.userId, session_id: session.id });
  }
}
