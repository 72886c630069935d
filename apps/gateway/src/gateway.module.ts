import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  ContractValidationPipe,
  ImportDocumentStore,
  NATS_CONNECTION,
  MessagingModule,
  MetricsModule,
  platformLoggerModule,
  ReadinessModule,
  serviceDataSourceOptions,
  serviceNatsAccess,
  TracingShutdown,
  SharedTokenBuckets,
} from '@switchboard/platform';
import { busInboxPrefix } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { ACTION_RUN_TIMEOUT_MS, ActionsController } from './actions/actions.controller.js';
import { RunRecordsController } from './actions/run-records.controller.js';
import { AppImportsController } from './apps/app-imports.controller.js';
import { AppsController } from './apps/apps.controller.js';
import { AuditEventsController } from './audit/audit-events.controller.js';
import { AuditEventEntity } from './audit/audit-event.entity.js';
import { AuditedChangeGuard } from './audit/audited-change.guard.js';
import { AuditLog } from './audit/audit-log.js';
import { AccessCache, AUTH_CACHE_TTL_MS } from './auth/access-cache.js';
import { AccessChangeListener } from './auth/access-change-listener.js';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { CredentialVerifier } from './auth/credential-verifier.js';
import { RoleGuard } from './auth/role.guard.js';
import type { GatewayConfig } from './config/gateway.config.js';
import { ConnectedAppsController } from './connections/connected-apps.controller.js';
import { ConnectedAppsService } from './connections/connected-apps.service.js';
import { gatewayDatabase } from './database/gateway.database.js';
import { HealthController } from './health/health.controller.js';
import { HttpErrorFilter } from './http/http-error.filter.js';
import { GATEWAY_PUBLIC_URL } from './http/public-base-url.js';
import { UndeclaredQueryGuard } from './http/undeclared-query.guard.js';
import { MarketplaceController } from './marketplace/marketplace.controller.js';
import { ApiKeyEntity } from './keys/api-key.entity.js';
import { ApiKeysController } from './keys/api-keys.controller.js';
import { ApiKeysService } from './keys/api-keys.service.js';
import { KeyUseRecorder } from './keys/key-use-recorder.js';
import { MembersController } from './members/members.controller.js';
import { MembersService } from './members/members.service.js';
import { METRICS_TOKEN, MetricsController } from './metrics/metrics.controller.js';
import { ProductsController } from './products/products.controller.js';
import { RateLimitGuard } from './rate-limits/rate-limit.guard.js';
import { parseWorkspaceLimitOverrides, RateLimitPolicy } from './rate-limits/rate-limit-policy.js';
import { RateLimiter } from './rate-limits/rate-limiter.js';
import { IntegrationFetchController } from './integrations/integration-fetch.controller.js';
import { IntegrationSecretsController } from './integrations/integration-secrets.controller.js';
import { SecretAuditController } from './secrets/secret-audit.controller.js';
import { SecretsController } from './secrets/secrets.controller.js';
import { SessionCache } from './sessions/session-cache.js';
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
        TypeOrmModule.forFeature([UserEntity, ApiKeyEntity, SessionEntity, AuditEventEntity]),
        MessagingModule.forRoot({
          nats: serviceNatsAccess(config, busInboxPrefix('gateway')),
          clientName: 'gateway',
          requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
        }),
        MetricsModule.forService('gateway'),
        ReadinessModule.forRoot(),
      ],
      controllers: [ActionsController, RunRecordsController, HealthController, MetricsController, ProductsController, AppImportsController, AppsController,
    MarketplaceController, ConnectedAppsController, SecretsController, SecretAuditController, IntegrationSecretsController, IntegrationFetchController, SessionsController, WebhooksController,
    WebhookReceiptsController, WebhookForwardingSecretsController, WebhookEventsController, MembersController, ApiKeysController, AuditEventsController],
      providers: [
        { provide: AUTH_CACHE_TTL_MS, useValue: config.GATEWAY_AUTH_CACHE_TTL_MS },
        { provide: ACTION_RUN_TIMEOUT_MS, useValue: config.GATEWAY_ACTION_RUN_TIMEOUT_MS },
        { provide: SESSION_TTL_SECONDS, useValue: config.GATEWAY_SESSION_TTL_SECONDS },
        { provide: ReceiptRateLimiter, useValue: new ReceiptRateLimiter(config.WEBHOOK_RATE_LIMIT_PER_SECOND, config.WEBHOOK_RATE_LIMIT_BURST) },
        { provide: RateLimitPolicy, useValue: rateLimitPolicyOf(config) },
        { provide: SharedTokenBuckets, inject: [DataSource], useFactory: (dataSource: DataSource) => new SharedTokenBuckets(dataSource, 'gateway.rate_limit_buckets') },
        RateLimiter,
        AccessCache,
        KeyUseRecorder,
        CredentialVerifier,
        SessionCache,
        SessionsService,
        AccessChangeListener,
        ApiKeysService,
        MembersService,
        AuditLog,
        { provide: ImportDocumentStore, inject: [NATS_CONNECTION], useFactory: (nats: NatsConnection) => ImportDocumentStore.open(nats) },
        ConnectedAppsService,
        { provide: GATEWAY_PUBLIC_URL, useValue: config.GATEWAY_PUBLIC_URL },
        { provide: METRICS_TOKEN, useValue: config.GATEWAY_METRICS_TOKEN },
        WebhooksService,
        // In this order: credentials, the caller's rate (so refused calls count too), the role, the query, then whether the change is audited.
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: RoleGuard },
        { provide: APP_GUARD, useClass: UndeclaredQueryGuard },
        { provide: APP_GUARD, useClass: AuditedChangeGuard },
        HttpErrorFilter,
        { provide: APP_FILTER, useExisting: HttpErrorFilter },
        { provide: APP_PIPE, useValue: new ContractValidationPipe() },
        TracingShutdown,
      ],
    };
  }
}

function rateLimitPolicyOf(config: GatewayConfig): RateLimitPolicy {
  const overrides = parseWorkspaceLimitOverrides(config.GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES);
  // The config was validated with the same parser before the module was built.
  if (typeof overrides === 'string') throw new Error(`GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES: ${overrides}`);
  return new RateLimitPolicy(
    { perSecond: config.GATEWAY_RATE_LIMIT_WORKSPACE_PER_SECOND, burst: config.GATEWAY_RATE_LIMIT_WORKSPACE_BURST },
    overrides,
    { perSecond: config.GATEWAY_RATE_LIMIT_KEY_PER_SECOND, burst: config.GATEWAY_RATE_LIMIT_KEY_BURST },
  );
}
