/** A session that has neither ended nor expired, as the guard and the sessions routes use it. */
export interface LiveSession {
  id: string;
  workspaceId: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A live session with the token of the cookie that presented it. */
export type CookieSession = LiveSession & { token: string };

/** Whether a session is past its expiry at `now`. */
export function hasExpired(session: LiveSession, now = Date.now()): boolean {
  return session.expiresAt.getTime() <= now;
}
