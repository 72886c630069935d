import { Controller, Module, type DynamicModule } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { HealthCheckService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthReply, Subject } from '@switchboard/contracts';

const DATABASE_PING_TIMEOUT_MS = 1500;

/** Answers the service's `<domain>.health.check` subject with the state of its database. */
@Module({})
export class ServiceHealthModule {
  static forService(service: string, subject: Subject): DynamicModule {
    @Controller()
    class HealthController {
      constructor(
        private readonly health: HealthCheckService,
        private readonly database: TypeOrmHealthIndicator,
      ) {}

      @MessagePattern(subject)
      async check(): Promise<HealthReply> {
        try {
          const result = await this.health.check([() => this.database.pingCheck('database').withTimeout(DATABASE_PING_TIMEOUT_MS)]);
          return { service, status: 'ok', checks: { database: { status: result.details.database?.status ?? 'down' } } };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return { service, status: 'error', checks: { database: { status: 'down', message } } };
        }
      }
    }
    return { module: ServiceHealthModule, imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })], controllers: [HealthController] };
  }
}
