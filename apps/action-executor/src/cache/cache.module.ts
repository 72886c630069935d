import { Module } from '@nestjs/common';
import { AccessTokenCache } from './access-token.cache.js';
import { ActionCache } from './action.cache.js';
import { CacheConfig } from './cache.config.js';
import { CacheInvalidation } from './cache-invalidation.js';
import { CacheMetrics } from './cache-metrics.js';
import { CacheStatsResponder } from './cache-stats.responder.js';
import { ExecutorCaches } from './executor-caches.js';
import { ForwardingSecretCache } from './forwarding-secret.cache.js';
import { RunPlanCache } from './run-plan.cache.js';
import { SecretForecast } from './secret-forecast.js';
import { SecretValueCache } from './secret-value.cache.js';
import { WebhookReceiveTargetCache } from './webhook-receive-target.cache.js';

/**
 * The run path's (actions, plans, secrets, tokens) and webhook receipts' and deliveries') caches, bounded in age and in entries, kept current by change
 * events and NATS connection changes, and counted.
 */
@Module({
  providers: [
    {
      provide: ActionCache,
      inject: [CacheConfig],
      useFactory: (config: CacheConfig) => new ActionCache(config.EXECUTOR_CACHE_MAX_AGE_MS, config.EXECUTOR_CACHE_MAX_ENTRIES),
    },
    {
      provide: RunPlanCache,
      inject: [CacheConfig],
      useFactory: (config: CacheConfig) => new RunPlanCache(config.EXECUTOR_CACHE_MAX_AGE_MS, config.EXECUTOR_CACHE_MAX_ENTRIES),
    },
    {
      provide: SecretValueCache,
      inject: [CacheConfig],
      useFactory: (config: CacheConfig) => new SecretValueCache(config.EXECUTOR_CACHE_MAX_AGE_MS, config.EXECUTOR_CACHE_MAX_ENTRIES),
    },
    { provide: SecretForecast, inject: [CacheConfig], useFactory: (config: CacheConfig) => new SecretForecast(config.EXECUTOR_CACHE_MAX_ENTRIES) },
    { provide: AccessTokenCache, inject: [CacheConfig], useFactory: (config: CacheConfig) => new AccessTokenCache(config.EXECUTOR_CACHE_MAX_ENTRIES) },
    {
      provide: WebhookReceiveTargetCache,
      inject: [CacheConfig],
      useFactory: (config: CacheConfig) => new WebhookReceiveTargetCache(config.EXECUTOR_CACHE_MAX_AGE_MS, config.EXECUTOR_CACHE_MAX_ENTRIES),
    },
    {
      provide: ForwardingSecretCache,
      inject: [CacheConfig],
      useFactory: (config: CacheConfig) => new ForwardingSecretCache(config.EXECUTOR_CACHE_MAX_AGE_MS, config.EXECUTOR_CACHE_MAX_ENTRIES),
    },
    ExecutorCaches,
    CacheInvalidation,
    CacheStatsResponder,
    CacheMetrics,
  ],
  exports: [ActionCache, RunPlanCache, SecretValueCache, SecretForecast, AccessTokenCache, WebhookReceiveTargetCache, ForwardingSecretCache],
})
export class CacheModule {}
