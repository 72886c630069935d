import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { UserEntity } from '../workspaces/user.entity.js';

export const AUTH_CACHE_TTL_MS = Symbol('AUTH_CACHE_TTL_MS');

// Users whose key hash stays in memory at most; the least recently seen are read again when they come back.
const MAX_CACHED_USERS = 100_000;

interface CachedUser {
  workspaceId: string;
  keyHash: string;
}

/**
 * Users' key hashes kept in memory so a warm request is authenticated without a database round trip; an entry is
 * trusted for the TTL, then read again. Requests for one user arriving together share one read, and an unknown
 * user is never kept, so made-up ids cannot fill the cache.
 */
@Injectable()
export class UserKeyCache {
  private readonly users: LRUCache<string, CachedUser>;

  constructor(
    @InjectRepository(UserEntity) private readonly repository: Repository<UserEntity>,
    @Inject(AUTH_CACHE_TTL_MS) ttlMs: number,
  ) {
    this.users = new LRUCache<string, CachedUser>({
      max: MAX_CACHED_USERS,
      // lru-cache reads a TTL of 0 as "forever"; the setting's 0 means "always ask the database".
      ttl: Math.max(1, ttlMs),
      fetchMethod: (userId) => this.read(userId),
    });
  }

  lookup(userId: string): Promise<CachedUser | undefined> {
    return this.users.fetch(userId);
  }

  private async read(userId: string): Promise<CachedUser | undefined> {
    const user = await this.repository.findOne({ where: { id: userId } });
    return user ? { workspaceId: user.workspaceId, keyHash: user.keyHash } : undefined;
  }
}
