import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PinoLogger } from 'nestjs-pino';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity.js';

// A key's last use is kept to the minute: a write per request would double the gateway's database traffic.
const RECORD_EVERY_MS = 60_000;

/** Keeps each API key's `last_used_at`, written at most once a minute per key and replica, never on the reply's path. */
@Injectable()
export class KeyUseRecorder {
  private readonly recorded = new LRUCache<string, true>({ max: 100_000, ttl: RECORD_EVERY_MS });

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly repository: Repository<ApiKeyEntity>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('api-keys');
  }

  used(keyId: string): void {
    if (this.recorded.has(keyId)) return;
    this.recorded.set(keyId, true);
    this.repository.update({ id: keyId }, { lastUsedAt: new Date() }).catch((error: unknown) => {
      this.recorded.delete(keyId);
      this.logger.warn({ err: error, key_id: keyId }, 'recording the last use of an API key failed');
    });
  }
}
