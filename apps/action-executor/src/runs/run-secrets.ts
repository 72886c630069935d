import { Injectable } from '@nestjs/common';
import { Subjects, type ResolvedSecret, type ResolvedSecretsReply } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { SecretForecast } from '../cache/secret-forecast.js';
import { SecretValueCache } from '../cache/secret-value.cache.js';
import type { RunTarget } from './run-target.js';
import { SecretUseReporter } from './secret-use-reporter.js';

/** Where secrets are used, the things the secrets service's scope and env checks read: a run's target, a webhook. */
export type SecretUseSite = Pick<RunTarget, 'appTag' | 'accessTag' | 'env'>;

/**
 * The secrets a run (or a webhook receipt) references: from the cache when warm or when another run is resolving the same ones, otherwise
 * from the secrets service, which checks scope, env and expiry and refuses with the seed's messages. Their use is
 * audited only by {@link RunSecrets.reportUses}, once the call carrying them is sent.
 */
@Injectable()
export class RunSecrets {
  constructor(
    private readonly nats: NatsRequester,
    private readonly cache: SecretValueCache,
    private readonly forecast: SecretForecast,
    private readonly uses: SecretUseReporter,
  ) {}

  /**
   * Starts resolving what the run plan `planKey` resolved last, without waiting, for a run whose plan is being loaded:
   * the run's own {@link RunSecrets.resolve} then joins that load when the forecast holds. A failure is that call's to
   * report, not this one's.
   */
  prefetch(workspaceId: string, planKey: string, runId: string): void {
    const forecast = this.forecast.recall(workspaceId, planKey);
    if (forecast) this.resolve(workspaceId, forecast.keys, forecast.site, runId).catch(() => undefined);
  }

  /** `planKey`: the run plan the secrets are for, remembered for {@link RunSecrets.prefetch}. */
  async resolve(workspaceId: string, keys: readonly string[], target: SecretUseSite, runId: string, planKey?: string): Promise<Record<string, ResolvedSecret>> {
    if (keys.length === 0) return {};
    if (planKey !== undefined) this.forecast.remember(workspaceId, planKey, { keys, site: { appTag: target.appTag, accessTag: target.accessTag, env: target.env } });
    const cacheKey = `${[...keys].sort().join(',')}|${target.appTag}|${target.accessTag}|${target.env}`;
    const cached = this.cache.peek(workspaceId, cacheKey);
    if (cached && Object.values(cached).some(hasExpired)) this.cache.delete(workspaceId, cacheKey);
    const { value: secrets } = await this.cache.getOrLoad(workspaceId, cacheKey, async () => {
      const reply = await this.nats.request<ResolvedSecretsReply>(Subjects.SecretsReferenceResolve, {
        workspace_id: workspaceId,
        keys,
        app_tag: target.appTag,
        access_tag: target.accessTag,
        env: target.env,
        run_id: runId,
      });
      return reply.secrets;
    });
    return secrets;
  }

  /** Reports the use of `secrets` to the secrets service's audit log, in batches, without waiting. */
  reportUses(workspaceId: string, secrets: ResolvedSecretsReply['secrets'], target: SecretUseSite, runId: string): void {
    const uses = Object.entries(secrets).map(([key, secret]) => ({
      key,
      version: secret.version,
      app_tag: target.appTag,
      access_tag: target.accessTag,
      env: target.env,
      run_id: runId,
    }));
    if (uses.length > 0) this.uses.report(workspaceId, uses);
  }
}

function hasExpired(secret: ResolvedSecret): boolean {
  return secret.expires_at !== null && Date.parse(secret.expires_at) <= Date.now();
}
