import { Global, Inject, Module, type DynamicModule, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { NATS_CONNECTION } from '../messaging/messaging.module.js';
import { ReadinessChecks } from './readiness-checks.js';

const SERVED_NATS_CONNECTION = Symbol('SERVED_NATS_CONNECTION');

/**
 * A service's {@link ReadinessChecks}, with the two every service has: NATS (the connection it asks others on and, for a
 * domain service, the one its handlers answer on) and its PostgreSQL. A feature adds its own, as secrets-vault does for
 * Vault. Not ready from the moment shutdown begins.
 */
@Global()
@Module({})
export class ReadinessModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly readiness: ReadinessChecks,
    private readonly database: DataSource,
    @Inject(NATS_CONNECTION) private readonly requests: NatsConnection,
    @Inject(SERVED_NATS_CONNECTION) private readonly served: (() => NatsConnection) | null,
  ) {}

  /** `servedConnection`: a domain service's transport strategy's connection, which throws until the strategy listens. */
  static forRoot(servedConnection?: () => NatsConnection): DynamicModule {
    return {
      module: ReadinessModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      providers: [ReadinessChecks, { provide: SERVED_NATS_CONNECTION, useValue: servedConnection ?? null }],
      exports: [ReadinessChecks],
    };
  }

  onModuleInit(): void {
    // A flush is a PING the server answers: a connection that is reconnecting holds it, and the check times out.
    this.readiness.register('nats', async () => {
      await Promise.all([this.requests.flush(), this.served?.().flush()]);
    });
    this.readiness.register('database', async () => {
      await this.database.query('SELECT 1');
    });
  }

  // The first shutdown hook Nest calls, before any module's beforeApplicationShutdown drains its work (the executor's
  // pullers give runs under way DISPATCH_SHUTDOWN_GRACE_MS): a global module's own beforeApplicationShutdown would run
  // only after every other module's.
  onModuleDestroy(): void {
    this.readiness.shutdownStarted();
  }
}
