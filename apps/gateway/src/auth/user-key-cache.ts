import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '../workspaces/user.entity.js';

export const AUTH_CACHE_TTL_MS = Symbol('AUTH_CACHE_TTL_MS');

interface CachedUser {
  workspaceId: string;
  keyHash: string;
  expiresAt: number;
}

/**
 * Users' key hashes kept in memory so a warm request is authenticated without a database
 * round trip; an entry is trusted for the TTL, then read again.
 */
@Injectable()
export class UserKeyCache {
  private readonly users = new Map<string, CachedUser>();

  constructor(
    @InjectRepository(UserEntity) private readonly repository: Repository<UserEntity>,
    @Inject(AUTH_CACHE_TTL_MS) private readonly ttlMs: number,
  ) {}

  async lookup(userId: string): Promise<CachedUser | undefined> {
    const cached = this.users.get(userId);
    if (cached && cached.expiresAt > Date.now()) return cached;
    const user = await this.repository.findOne({ where: { id: userId } });
    if (!user) {
      this.users.delete(userId);
      return undefined;
    }
    const entry = { workspaceId: user.workspaceId, keyHash: user.keyHash, expiresAt: Date.now() + this.ttlMs };
    this.users.set(userId, entry);
    return entry;
  }
}
