import { Module } from '@nestjs/common';
import { AccessTokenCache } from '../cache/access-token.cache.js';
import { CacheModule } from '../cache/cache.module.js';
import { OutboundClient } from '../outbound/outbound-client.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { RunRecordsModule } from '../run-records/run-records.module.js';
import { ActionPlanner } from './action-planner.js';
import { ActionRunner } from './action-runner.js';
import { ConnectionConcurrency } from './connection-concurrency.js';
import { OAuthConfig } from './oauth/oauth.config.js';
import { OAuthTokenProvider } from './oauth/oauth-token-provider.js';
import { SecretRefreshTokenStore } from './oauth/refresh-token-write-back.js';
import { RefreshLease } from './oauth/refresh-lease.js';
import { RunAuthentication } from './run-authentication.js';
import { RunSecrets } from './run-secrets.js';
import { SecretUseReporter } from './secret-use-reporter.js';
import { RunsConfig } from './runs.config.js';
import { RunTargetLoader } from './run-target.loader.js';
import { ActionsController } from './actions.controller.js';

/** The synchronous run path: `actions.action.run` answered by any replica of the executor's queue group. */
@Module({
  imports: [CacheModule, OutboundModule, RunRecordsModule, RateLimitsModule],
  controllers: [ActionsController],
  providers: [
    ActionRunner,
    ActionPlanner,
    RunTargetLoader,
    RunSecrets,
    SecretUseReporter,
    RunAuthentication,
    SecretRefreshTokenStore,
    RefreshLease,
    {
      provide: OAuthTokenProvider,
      inject: [OutboundClient, AccessTokenCache, SecretRefreshTokenStore, RefreshLease, OAuthConfig],
      useFactory: (outbound: OutboundClient, cache: AccessTokenCache, refreshTokens: SecretRefreshTokenStore, lease: RefreshLease, config: OAuthConfig) =>
        new OAuthTokenProvider(outbound, cache, { timeoutMs: config.OAUTH_TOKEN_TIMEOUT_MS, refreshTokens, lease }),
    },
    {
      provide: ConnectionConcurrency,
      inject: [RunsConfig],
      useFactory: (config: RunsConfig) => new ConnectionConcurrency(config.RUN_MAX_IN_FLIGHT_PER_CONNECTION, config.RUN_MAX_WAIT_FOR_CONNECTION_MS),
    },
  ],
  // The dispatch path runs through the same runner, and checks targets with the same loader; webhook receipts
  // resolve their signing secrets through the same checks, cache and audit as runs.
  exports: [ActionRunner, RunTargetLoader, RunSecrets, CacheModule, OutboundModule],
})
export class RunsModule {}
