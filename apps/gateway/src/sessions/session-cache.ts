import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { AUTH_CACHE_TTL_MS } from '../auth/access-cache.js';
import { hasExpired, type LiveSession } from './live-session.js';
import { SessionEntity } from './session.entity.js';

// Sessions kept in memory at most; the least recently used are read again when they come back.
const MAX_CACHED_SESSIONS = 100_000;

/**
 * Live sessions by token hash, so a warm call with the cookie costs no database round trip. An entry is trusted for
 * the auth cache TTL and never past its session's expiry; sign-out on this gateway drops it at once, on another
 * replica through `events.gateway.session.ended` (AccessChangeListener). Calls with one cookie arriving together share
 * one read, and a token naming no live session is never kept, so made-up cookies cannot fill the cache.
 */
@Injectable()
export class SessionCache {
  private readonly sessions: LRUCache<string, LiveSession>;
  // Session id to token hash of every cached session, so a sign-out event (which names no token) finds its entry.
  private readonly tokenHashes = new Map<string, string>();

  constructor(
    @InjectRepository(SessionEntity) private readonly repository: Repository<SessionEntity>,
    @Inject(AUTH_CACHE_TTL_MS) ttlMs: number,
  ) {
    this.sessions = new LRUCache<string, LiveSession>({
      max: MAX_CACHED_SESSIONS,
      // lru-cache reads a TTL of 0 as "forever"; the setting's 0 means "always ask the database".
      ttl: Math.max(1, ttlMs),
      // A read under way when its session is dropped answers its requests but is not stored (see AccessCache).
      ignoreFetchAbort: true,
      fetchMethod: (tokenHash) => this.read(tokenHash),
      onInsert: (session, tokenHash) => this.tokenHashes.set(session.id, tokenHash),
      dispose: (session) => this.tokenHashes.delete(session.id),
    });
  }

  /** The live session of that token hash, or undefined when it never existed, ended or expired. */
  async lookup(tokenHash: string): Promise<LiveSession | undefined> {
    const session = await this.sessions.fetch(tokenHash);
    if (!session || !hasExpired(session)) return session;
    this.sessions.delete(tokenHash);
    return undefined;
  }

  /** Forgets a session, wherever it is cached, so its cookie is read from the database (and refused) next time. */
  drop(sessionId: string): void {
    const tokenHash = this.tokenHashes.get(sessionId);
    if (tokenHash !== undefined) this.sessions.delete(tokenHash);
  }

  /** Forgets the session of a token hash, a read of it under way included. */
  dropToken(tokenHash: string): void {
    this.sessions.delete(tokenHash);
  }

  /** Forgets every session: when sign-out events may have been missed. */
  clear(): void {
    this.sessions.clear();
  }

  private async read(tokenHash: string): Promise<LiveSession | undefined> {
    const row = await this.repository.findOne({ where: { tokenHash, endedAt: IsNull(), expiresAt: MoreThan(new Date()) } });
    return row ? { id: row.id, workspaceId: row.workspaceId, userId: row.userId, csrfToken: row.csrfToken, expiresAt: row.expiresAt } : undefined;
  }
}
