import { Injectable } from '@nestjs/common';
import { Subjects, type ResolvedSecret, type ResolvedSecretsReply } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { SecretValueCache } from '../cache/secret-value.cache.js';
import type { RunTarget } from './run-target.js';
import { SecretUseReporter } from './secret-use-reporter.js';

/**
 * The secrets a run references: from the cache when warm (the uses are then reported to the secrets
 * service's audit log in batches, without waiting), otherwise from the secrets service, which checks scope,
 * env and expiry and refuses with the seed's messages.
 */
@Injectable()
export class RunSecrets {
  constructor(
    private readonly nats: NatsRequester,
    private readonly cache: SecretValueCache,
    private readonly uses: SecretUseReporter,
  ) {}

  async resolve(workspaceId: string, keys: readonly string[], target: RunTarget, runId: string): Promise<Record<string, ResolvedSecret>> {
    if (keys.length === 0) return {};
    const now = Date.now();
    const cacheKey = (key: string): string => `${key}|${target.appTag}|${target.accessTag}|${target.env}`;
    const cached = new Map<string, ResolvedSecret>();
    for (const key of keys) {
      const hit = this.cache.peek(workspaceId, cacheKey(key));
      if (hit && (hit.expires_at === null || Date.parse(hit.expires_at) > now)) cached.set(key, hit);
    }
    const missing = keys.filter((key) => !cached.has(key));
    if (missing.length === 0) {
      this.reportCachedUses(workspaceId, cached, target, runId);
      return Object.fromEntries(cached);
    }
    const generation = this.cache.generationOf(workspaceId);
    const reply = await this.nats.request<ResolvedSecretsReply>(Subjects.SecretsReferenceResolve, {
      workspace_id: workspaceId,
      keys: missing,
      app_tag: target.appTag,
      access_tag: target.accessTag,
      env: target.env,
      run_id: runId,
    });
    for (const [key, secret] of Object.entries(reply.secrets)) this.cache.storeIfCurrent(workspaceId, cacheKey(key), secret, generation);
    this.reportCachedUses(workspaceId, cached, target, runId);
    return { ...Object.fromEntries(cached), ...reply.secrets };
  }

  private reportCachedUses(workspaceId: string, cached: ReadonlyMap<string, ResolvedSecret>, target: RunTarget, runId: string): void {
    if (cached.size === 0) return;
    const uses = [...cached].map(([key, secret]) => ({
      key,
      version: secret.version,
      app_tag: target.appTag,
      access_tag: target.accessTag,
      env: target.env,
      run_id: runId,
    }));
    this.uses.report(workspaceId, uses);
  }
}
