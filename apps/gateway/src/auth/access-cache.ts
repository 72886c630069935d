import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@switchboard/contracts';
import { LRUCache } from 'lru-cache';
import { findUnique } from '@switchboard/platform';
import { Repository } from 'typeorm';
import { ApiKeyEntity } from '../keys/api-key.entity.js';
import { UserEntity } from '../workspaces/user.entity.js';

export const AUTH_CACHE_TTL_MS = Symbol('AUTH_CACHE_TTL_MS');

// Entries each map keeps in memory at most; the least recently seen are read again when they come back.
const MAX_CACHED = 100_000;

export interface CachedKey {
  keyId: string;
  userId: string;
  workspaceId: string;
  expiresAt: Date | null;
}

export interface CachedMember {
  workspaceId: string;
  role: Role;
}

/**
 * API keys (by the hash of their secret part) and members (by user id) kept in memory so a warm request is
 * authenticated without a database round trip. An entry is trusted for the TTL, then read again; a change made on
 * any replica drops it at once through AccessChangeListener. Lookups arriving together share one read, and nothing
 * unknown is kept, so made-up keys or ids cannot fill the cache.
 */
@Injectable()
export class AccessCache {
  private readonly keys: LRUCache<string, CachedKey>;
  private readonly members: LRUCache<string, CachedMember>;

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keyRepository: Repository<ApiKeyEntity>,
    @InjectRepository(UserEntity) private readonly memberRepository: Repository<UserEntity>,
    @Inject(AUTH_CACHE_TTL_MS) ttlMs: number,
  ) {
    // lru-cache reads a TTL of 0 as "forever"; the setting's 0 means "always ask the database".
    const ttl = Math.max(1, ttlMs);
    // A read under way when its entry is dropped (a change event, a NATS reconnect) still answers the requests waiting
    // on it, which would otherwise fail with lru-cache's abort; what it read is not stored, so the next request reads again.
    const options = { max: MAX_CACHED, ttl, ignoreFetchAbort: true };
    this.keys = new LRUCache<string, CachedKey>({ ...options, fetchMethod: (keyHash) => this.readKey(keyHash) });
    this.members = new LRUCache<string, CachedMember>({ ...options, fetchMethod: (userId) => this.readMember(userId) });
  }

  key(keyHash: string): Promise<CachedKey | undefined> {
    return this.keys.fetch(keyHash);
  }

  member(userId: string): Promise<CachedMember | undefined> {
    return this.members.fetch(userId);
  }

  dropKey(keyId: string): void {
    for (const [hash, key] of this.keys.entries()) if (key.keyId === keyId) this.keys.delete(hash);
  }

  /** Drops a member and their keys: a removed member's keys then find no member and are refused. */
  dropMember(userId: string): void {
    this.members.delete(userId);
    for (const [hash, key] of this.keys.entries()) if (key.userId === userId) this.keys.delete(hash);
  }

  clear(): void {
    this.keys.clear();
    this.members.clear();
  }

  private async readKey(keyHash: string): Promise<CachedKey | undefined> {
    const key = await findUnique(this.keyRepository, { where: { keyHash } });
    return key ? { keyId: key.id, userId: key.userId, workspaceId: key.workspaceId, expiresAt: key.expiresAt } : undefined;
  }

  private async readMember(userId: string): Promise<CachedMember | undefined> {
    const member = await findUnique(this.memberRepository, { where: { id: userId } });
    return member ? { workspaceId: member.workspaceId, role: member.role } : undefined;
  }
}
