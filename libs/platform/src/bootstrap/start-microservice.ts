import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { ClassConstructor } from 'class-transformer';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import { busInboxPrefix, type BusService, type Subject } from '@switchboard/contracts';
import { Logger, PinoLogger } from 'nestjs-pino';
import { ConfigModule } from '../config/config.module.js';
import { loadConfigsOrExit } from '../config/load-config.js';
import { MicroserviceConfig, serviceNatsAccess } from '../config/service.config.js';
import { serviceDataSourceOptions, type ServiceDatabase } from '../database/database.options.js';
import { runMigrations } from '../database/run-migrations.js';
import { ServiceHealthModule } from '../health/health.module.js';
import { platformLoggerModule } from '../logging/logger.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { natsConnectionOptions } from '../messaging/nats-connection.js';
import { MetricsModule } from '../operations/metrics.module.js';
import { OpsModule } from '../operations/ops.module.js';
import { ReadinessModule } from '../operations/readiness.module.js';
import { RpcErrorFilter } from '../messaging/rpc-error.filter.js';
import { ServiceNatsServer } from '../messaging/service-nats-server.js';
import { startTracing } from '../tracing/start-tracing.js';
import { TracingShutdown } from '../tracing/tracing-shutdown.js';
import { TracingConfig } from '../tracing/tracing.config.js';
import { ContractValidationPipe } from '../validation/contract-validation.pipe.js';
import { MESSAGE_ENVELOPE_LEVELS } from '../validation/nesting-depth.js';

const INNER_REQUEST_TIMEOUT_SHARE = 0.6;

export interface MicroserviceDefinition {
  /** Service name used in logs, NATS connection names and its NATS inbox prefix. */
  service: BusService;
  /** Queue group shared by every replica. */
  queue: string;
  healthSubject: Subject;
  database: ServiceDatabase;
  /** The config classes the features inject, besides {@link MicroserviceConfig}; validated with it before anything starts. */
  configs: ClassConstructor<object>[];
  features: (Type<unknown> | DynamicModule)[];
}

/**
 * Starts one domain service: validates all its settings (exiting with every problem listed if any is wrong), migrates
 * its schema, then answers its subjects in its queue group until SIGTERM/SIGINT, when it closes NATS and the database cleanly.
 */
export async function startMicroservice(definition: MicroserviceDefinition): Promise<void> {
  const [config, tracing, ...featureConfigs] = loadConfigsOrExit([MicroserviceConfig, TracingConfig, ...definition.configs]);
  await startTracing(definition.service, tracing);
  const dataSourceOptions = serviceDataSourceOptions(config.DATABASE_URL, definition.database);
  const nats = serviceNatsAccess(config, busInboxPrefix(definition.service));
  // Made before the module, whose readiness check pings the connection this strategy will open.
  const strategy = new ServiceNatsServer({ ...natsConnectionOptions(nats, definition.service), queue: definition.queue });
  await runMigrations(dataSourceOptions);

  @Module({
    imports: [
      ConfigModule.forRoot([config, ...featureConfigs]),
      platformLoggerModule(definition.service, config.LOG_LEVEL),
      TypeOrmModule.forRoot(dataSourceOptions),
      MessagingModule.forRoot({
        nats,
        clientName: `${definition.service}-client`,
        // A service asked by the gateway must give up on its own calls before the gateway gives up on it,
        // or it could still commit a write the caller was already told timed out.
        requestTimeoutMs: Math.floor(config.NATS_REQUEST_TIMEOUT_MS * INNER_REQUEST_TIMEOUT_SHARE),
      }),
      ServiceHealthModule.forService(definition.service, definition.healthSubject),
      MetricsModule.forService(definition.service),
      ReadinessModule.forRoot(() => strategy.unwrap<NatsConnection>()),
      OpsModule,
      ...definition.features,
    ],
    providers: [
      { provide: APP_FILTER, useClass: RpcErrorFilter },
      { provide: APP_PIPE, useValue: new ContractValidationPipe(MESSAGE_ENVELOPE_LEVELS) },
      TracingShutdown,
    ],
  })
  class ServiceRootModule {}

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(ServiceRootModule, { strategy, bufferLogs: true });
  app.useLogger(app.get(Logger));
  strategy.useMessageLog(await app.resolve(PinoLogger));
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen();
  app.get(Logger).log(`${definition.service} is listening on NATS (queue group "${definition.queue}")`);
}
