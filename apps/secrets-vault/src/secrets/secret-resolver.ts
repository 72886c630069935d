import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RecordSecretUsesRequest, ResolvedSecret, ResolvedSecretsReply, ResolveSecretReferencesRequest, SecretReferenceChecksReply } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SecretAuditLog, type SecretAuditRecord } from '../audit/secret-audit.log.js';
import { SECRET_VALUE_STORE, type SecretValueStore } from '../storage/secret-value-store.js';
import { assertSecretUsable, secretNotFound, type SecretUse } from './secret-access.js';
import { SecretEntity } from './secret.entity.js';

/** Who used a secret and where, as the audit log records it. */
export type SecretUseAudit = Pick<SecretAuditRecord, 'app' | 'accessTag' | 'env' | 'runId' | 'userId'>;

/**
 * Resolves the secrets an action run references, in the seed's order: the secret exists, its scope
 * includes the app, the env is allowed, it has not expired; then decrypts. Stops at the first failure,
 * so a run that cannot have every value gets none.
 */
@Injectable()
export class SecretResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_VALUE_STORE) private readonly store: SecretValueStore,
    private readonly audit: SecretAuditLog,
  ) {}

  /** Audits uses that an executor answered from its cache, so the trail shows every run-time use. */
  async recordCachedUses(request: RecordSecretUsesRequest): Promise<void> {
    await this.recordUses(
      request.workspace_id,
      request.uses.map((use) => ({
        workspaceId: request.workspace_id,
        key: use.key,
        action: 'use' as const,
        version: use.version,
        app: use.app_tag,
        accessTag: use.access_tag,
        env: use.env,
        runId: use.run_id ?? null,
      })),
    );
  }

  /** Audits run-time uses of the workspace's secrets and moves their `last_used_at` forward. */
  private async recordUses(workspaceId: string, uses: SecretAuditRecord[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, uses);
      await markUsed(manager, workspaceId, uses.map((use) => use.key));
    });
  }

  /** What a run would meet for each key (exists, scope, env, expiry), without reading a value or auditing a use. */
  async check(request: ResolveSecretReferencesRequest): Promise<SecretReferenceChecksReply> {
    const keys = [...new Set(request.keys)];
    const found = keys.length === 0 ? [] : await this.dataSource.manager.find(SecretEntity, { where: { workspaceId: request.workspace_id, key: In(keys) } });
    const byKey = new Map(found.map((secret) => [secret.key, secret]));
    const use = { appTag: request.app_tag, accessTag: request.access_tag, env: request.env };
    const now = new Date();
    return {
      checks: keys.map((key) => {
        try {
          const secret = byKey.get(key);
          if (!secret) throw secretNotFound(key);
          assertSecretUsable(secret, use, now);
          return { key, ok: true };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return { key, ok: false, code: error.code, message: error.message };
        }
      }),
    };
  }

  async resolve(request: ResolveSecretReferencesRequest): Promise<ResolvedSecretsReply> {
    const use = { appTag: request.app_tag, accessTag: request.access_tag, env: request.env };
    // The executor records each use itself once the run's call is sent: a run refused before that used nothing.
    return { secrets: Object.fromEntries(await this.resolveForUse(request.workspace_id, request.keys, use)) };
  }

  /**
   * The values of the workspace secrets `keys` for one use, after the checks, each use recorded with `audit` if given.
   * Throws the first check's failure before any value is decrypted.
   */
  async resolveForUse(
    workspaceId: string,
    requestedKeys: readonly string[],
    use: SecretUse,
    audit?: SecretUseAudit,
  ): Promise<Map<string, ResolvedSecret>> {
    const keys = [...new Set(requestedKeys)];
    if (keys.length === 0) return new Map();
    // Each secret with its current version only, in one query: a run's cold path waits on it.
    const found = await this.dataSource.manager
      .createQueryBuilder(SecretEntity, 'secret')
      .leftJoinAndSelect('secret.versions', 'version', 'version.version = secret.currentVersion')
      .where('secret.workspaceId = :workspaceId AND secret.key IN (:...keys)', { workspaceId, keys })
      .getMany();
    const byKey = new Map(found.map((secret) => [secret.key, secret]));
    const now = new Date();
    const secrets = keys.map((key) => {
      const secret = byKey.get(key);
      if (!secret) throw secretNotFound(key);
      assertSecretUsable(secret, use, now);
      return secret;
    });

    const values = await Promise.all(
      secrets.map(async (secret) => {
        const [version] = secret.versions;
        // A secret row without its current version is one being deleted: the secret is gone, say so rather than fail.
        if (!version) throw secretNotFound(secret.key);
        const value = await this.store.read({ workspaceId, valueId: version.valueId });
        return [secret.key, { value, version: version.version, expires_at: secret.expiresAt?.toISOString() ?? null }] as const;
      }),
    );
    if (audit) await this.recordUses(workspaceId, values.map(([key, { version }]) => ({ ...audit, workspaceId, key, action: 'use' as const, version })));
    return new Map(values);
  }
}

/** How stale a secret's `last_used_at` may get before a use writes it again. */
const LAST_USED_RESOLUTION = '1 minute';

/**
 * Sets `last_used_at` of the workspace secrets `keys` to now, unless it is already within a minute of now: a secret used
 * by every run is written at most once a minute, not once a run (the audit trail keeps every use).
 */
async function markUsed(manager: EntityManager, workspaceId: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await manager.query(
    `UPDATE secrets_vault.secrets SET last_used_at = now()
      WHERE workspace_id = $1 AND key = ANY($2::text[]) AND (last_used_at IS NULL OR last_used_at < now() - $3::interval)`,
    [workspaceId, [...new Set(keys)], LAST_USED_RESOLUTION],
  );
}
