import { Injectable } from '@nestjs/common';
import type { ExecutorCacheStatsReply } from '@switchboard/contracts';
import { AccessTokenCache } from './access-token.cache.js';
import { ActionCache } from './action.cache.js';
import { ForwardingSecretCache } from './forwarding-secret.cache.js';
import { RunPlanCache } from './run-plan.cache.js';
import { SecretValueCache } from './secret-value.cache.js';
import { WebhookReceiveTargetCache } from './webhook-receive-target.cache.js';

/** Every cache of the executor, for what concerns them all: emptying them, and reading their counters. */
@Injectable()
export class ExecutorCaches {
  constructor(
    readonly actions: ActionCache,
    readonly plans: RunPlanCache,
    readonly secrets: SecretValueCache,
    readonly accessTokens: AccessTokenCache,
    readonly receiveTargets: WebhookReceiveTargetCache,
    readonly forwardingSecrets: ForwardingSecretCache,
  ) {}

  /** Drops every entry of every cache. */
  clear(): void {
    for (const cache of [this.actions, this.plans, this.secrets, this.accessTokens, this.receiveTargets, this.forwardingSecrets]) cache.clear();
  }

  /** Each cache's counters, size and cap, by the name `executor.cache-stats.fetch` gives it. */
  stats(): ExecutorCacheStatsReply['caches'] {
    return {
      actions: this.actions.stats(),
      run_plans: this.plans.stats(),
      secret_values: this.secrets.stats(),
      access_tokens: this.accessTokens.stats(),
      webhook_receive_targets: this.receiveTargets.stats(),
      forwarding_secrets: this.forwardingSecrets.stats(),
    };
  }
}
