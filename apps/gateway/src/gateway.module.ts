import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  ContractValidationPipe,
  ImportDocumentStore,
  NATS_CONNECTION,
  MessagingModule,
  platformLoggerModule,
  serviceDataSourceOptions,
  serviceNatsAccess,
} from '@switchboard/platform';
import { busInboxPrefix } from '@switchboard/contracts';
import { ACTION_RUN_TIMEOUT_MS, ActionsController } from './actions/actions.controller.js';
import { RunRecordsController } from './actions/run-records.controller.js';
import { AppImportsController } from './apps/app-imports.controller.js';
import { AppsController } from './apps/apps.controller.js';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { CredentialVerifier } from './auth/credential-verifier.js';
import { AUTH_CACHE_TTL_MS, UserKeyCache } from './auth/user-key-cache.js';
import type { GatewayConfig } from './config/gateway.config.js';
import { ConnectedAppsController } from './connections/connected-apps.controller.js';
import { ConnectedAppsService } from './connections/connected-apps.service.js';
import { gatewayDatabase } from './database/gateway.database.js';
import { HealthController } from './health/health.controller.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { GATEWAY_PUBLIC_URL } from './http/public-base-url.js';
import { UndeclaredQueryGuard } from './http/undeclared-query.guard.js';
import { MarketplaceController } from './marketplace/marketplace.controller.js';
import { ProductsController } from './products/products.controller.js';
import { IntegrationFetchController } from './integrations/integration-fetch.controller.js';
import { IntegrationSecretsController } from './integrations/integration-secrets.controller.js';
import { SecretAuditController } from './secrets/secret-audit.controller.js';
import { SecretsController } from './secrets/secrets.controller.js';
import { SessionCache } from './sessions/session-cache.js';
import { SessionEndListener } from './sessions/session-end-listener.js';
import { SessionEntity } from './sessions/session.entity.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SESSION_TTL_SECONDS, SessionsService } from './sessions/sessions.service.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';
import { WebhooksService } from './webhooks/webhooks.service.js';
import { UserEntity } from './workspaces/user.entity.js';
import { ReceiptRateLimiter } from './webhooks/receipt-rate-limiter.js';
import { WebhookEventsController } from './webhooks/webhook-events.controller.js';
import { WebhookForwardingSecretsController } from './webhooks/webhook-forwarding-secrets.controller.js';
import { WebhookReceiptsController } from './webhooks/webhook-receipts.controller.js';

/** The HTTP entry: authenticates, validates, and asks the domain services over NATS. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        platformLoggerModule('gateway', config.LOG_LEVEL),
        TypeOrmModule.forRoot(serviceDataSourceOptions(config.DATABASE_URL, gatewayDatabase)),
        TypeOrmModule.forFeature([UserEntity, SessionEntity]),
        MessagingModule.forRoot({
          nats: serviceNatsAccess(config, busInboxPrefix('gateway')),
          clientName: 'gateway',
          requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
        }),
      ],
      controllers: [ActionsController, RunRecordsController, HealthController, ProductsController, AppImportsController, AppsController,
    MarketplaceController, ConnectedAppsController, SecretsController, SecretAuditController, IntegrationSecretsController, IntegrationFetchController, SessionsController, WebhooksController,
    WebhookReceiptsController, WebhookForwardingSecretsController, WebhookEventsController],
      providers: [
        { provide: AUTH_CACHE_TTL_MS, useValue: config.GATEWAY_AUTH_CACHE_TTL_MS },
        { provide: ACTION_RUN_TIMEOUT_MS, useValue: config.GATEWAY_ACTION_RUN_TIMEOUT_MS },
        { provide: SESSION_TTL_SECONDS, useValue: config.GATEWAY_SESSION_TTL_SECONDS },
        { provide: ReceiptRateLimiter, useValue: new ReceiptRateLimiter(config.WEBHOOK_RATE_LIMIT_PER_SECOND, config.WEBHOOK_RATE_LIMIT_BURST) },
        UserKeyCache,
        CredentialVerifier,
        SessionCache,
        SessionsService,
        SessionEndListener,
        { provide: ImportDocumentStore, inject: [NATS_CONNECTION], useFactory: (nats: NatsConnection) => ImportDocumentStore.open(nats) },
        ConnectedAppsService,
        { provide: GATEWAY_PUBLIC_URL, useValue: config.GATEWAY_PUBLIC_URL },
        WebhooksService,
        // In this order: credentials are checked before the query.
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: UndeclaredQueryGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useValue: new ContractValidationPipe() },
      ],
    };
  }
}
