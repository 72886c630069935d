import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Subjects, type ExecutorCacheStatsReply } from '@switchboard/contracts';
import { NATS_CONNECTION } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { ExecutorCaches } from './executor-caches.js';

/**
 * Answers `executor.cache-stats.fetch` with this replica's cache counters. A plain subscription, outside the queue
 * group like the invalidations: each replica's caches are its own, and a caller wanting all of them collects every
 * answer. The request's payload is not read, so there is nothing to validate.
 */
@Injectable()
export class CacheStatsResponder implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    private readonly caches: ExecutorCaches,
    private readonly logger: PinoLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.nats.subscribe(Subjects.ExecutorCacheStatsFetch, {
      callback: (error, message) => {
        if (error) {
          this.logger.warn({ err: error, subject: Subjects.ExecutorCacheStatsFetch }, 'cache stats subscription failed');
          return;
        }
        // The reply envelope of `@nestjs/microservices`, so NatsRequester (or any NestJS client) can ask it too.
        const reply: ExecutorCacheStatsReply = { pid: process.pid, caches: this.caches.stats() };
        message.respond(JSON.stringify({ response: reply, isDisposed: true }));
      },
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }
}
