import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Events,
  type CreateSecretBody,
  type SecretView,
  type SecretWithValueView,
  type UpdateSecretBody,
} from '@switchboard/contracts';
import { DomainError, EventPublisher, isUniqueViolation } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { SecretAuditLog } from '../audit/secret-audit.log.js';
import { removeUnreferencedValue } from '../storage/unreferenced-values.js';
import { SECRET_VALUE_STORE, type SecretValueStore } from '../storage/secret-value-store.js';
import { EnvSlugs } from './env-slugs.js';
import { futureExpiry } from './expiry.js';
import { secretNotFound } from './secret-access.js';
import { SecretVersionEntity } from './secret-version.entity.js';
import { SecretEntity } from './secret.entity.js';
import { toSecretView } from './secret.view.js';

/** Workspace secrets: metadata and versions here, values in the value store, every change audited. */
@Injectable()
export class SecretsService {
  constructor(
    @InjectRepository(SecretEntity) private readonly secrets: Repository<SecretEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_VALUE_STORE) private readonly store: SecretValueStore,
    private readonly audit: SecretAuditLog,
    private readonly envSlugs: EnvSlugs,
    private readonly events: EventPublisher,
    private readonly logger: PinoLogger,
  ) {}

  async create(workspaceId: string, userId: string, body: CreateSecretBody): Promise<SecretView> {
    const expiresAt = futureExpiry(body.expires_at, new Date());
    await this.envSlugs.assertKnown(workspaceId, body.envs ?? []);
    const valueId = randomUUID();
    let secret: SecretEntity;
    try {
      secret = await this.dataSource.transaction(async (manager) => {
        const created = await manager.save(
          manager.create(SecretEntity, {
            workspaceId,
            key: body.key,
            description: body.description ?? '',
            scope: body.scope ?? [],
            envs: body.envs ?? [],
            expiresAt,
            currentVersion: 1,
          }),
        );
        await this.storeVersion(manager, created, 1, valueId, body.value);
        await this.audit.record(manager, [{ workspaceId, key: body.key, action: 'create', version: 1, userId }]);
        return created;
      });
    } catch (error) {
      await this.discardValue(workspaceId, valueId);
      if (isUniqueViolation(error, 'secrets_workspace_key_unique')) {
        throw new DomainError(ErrorCode.SecretKeyTaken, `Secret '${body.key}' already exists`, { key: body.key });
      }
      throw error;
    }
    this.events.publish(Events.SecretCreated, { workspace_id: workspaceId, key: body.key, version: 1 });
    return toSecretView(secret);
  }

  /** The only call that returns a value; it is audited as a read. */
  async fetch(workspaceId: string, userId: string, key: string): Promise<SecretWithValueView> {
    const secret = await this.find(workspaceId, key);
    const version = await this.dataSource.manager.findOne(SecretVersionEntity, { where: { secret: { id: secret.id }, version: secret.currentVersion } });
    // Deleted between the two reads: the secret is gone, say so rather than fail.
    if (!version) throw secretNotFound(key);
    const value = await this.store.read({ workspaceId, valueId: version.valueId });
    await this.audit.record(this.dataSource.manager, [{ workspaceId, key, action: 'fetch', version: secret.currentVersion, userId }]);
    return { ...toSecretView(secret), value };
  }

  async list(workspaceId: string): Promise<SecretView[]> {
    const secrets = await this.secrets.find({ where: { workspaceId }, order: { key: 'ASC' } });
    return secrets.map(toSecretView);
  }

  /** Changes metadata; a new value becomes a new version, exactly like a rotation. */
  async update(workspaceId: string, userId: string, key: string, changes: UpdateSecretBody): Promise<SecretView> {
    const expiresAt = changes.expires_at === undefined ? undefined : futureExpiry(changes.expires_at, new Date());
    if (changes.envs) await this.envSlugs.assertKnown(workspaceId, changes.envs);
    const valueId = randomUUID();
    const updated = await this.inTransactionWithSecret(workspaceId, key, async (manager, secret) => {
      if (changes.description !== undefined) secret.description = changes.description;
      if (changes.scope !== undefined) secret.scope = changes.scope;
      if (changes.envs !== undefined) secret.envs = changes.envs;
      if (expiresAt !== undefined) secret.expiresAt = expiresAt;
      if (changes.value !== undefined) await this.replaceValue(manager, secret, valueId, changes.value);
      const saved = await manager.save(secret);
      await this.audit.record(manager, [{ workspaceId, key, action: 'update', version: saved.currentVersion, userId }]);
      return saved;
    }, valueId);
    this.events.publish(Events.SecretUpdated, { workspace_id: workspaceId, key, version: updated.currentVersion });
    return toSecretView(updated);
  }

  /** A new value under a new version; the old version stays stored for audit and is never used again. */
  async rotate(workspaceId: string, userId: string, key: string, value: string): Promise<SecretView> {
    const valueId = randomUUID();
    const rotated = await this.inTransactionWithSecret(workspaceId, key, async (manager, secret) => {
      await this.replaceValue(manager, secret, valueId, value);
      const saved = await manager.save(secret);
      await this.audit.record(manager, [{ workspaceId, key, action: 'rotate', version: saved.currentVersion, userId }]);
      return saved;
    }, valueId);
    // Who rotated it: the executor storing a refresh token a token endpoint rotated must not drop its own access tokens.
    this.events.publish(Events.SecretRotated, { workspace_id: workspaceId, key, version: rotated.currentVersion, user_id: userId });
    return toSecretView(rotated);
  }

  /** Deletes the secret and destroys every stored version of its value; the audit trail stays. */
  async delete(workspaceId: string, userId: string, key: string): Promise<SecretView> {
    // The embedded store destroys values inside the transaction; Vault only once the metadata is gone for good.
    const destroyInTransaction = this.store.backend === 'embedded';
    let valueIds: string[] = [];
    const deleted = await this.inTransactionWithSecret(workspaceId, key, async (manager, secret) => {
      const versions = await manager.find(SecretVersionEntity, { where: { secret: { id: secret.id } } });
      valueIds = versions.map((version) => version.valueId);
      if (destroyInTransaction) for (const valueId of valueIds) await this.store.destroy({ workspaceId, valueId }, manager);
      await manager.delete(SecretEntity, { id: secret.id });
      await this.audit.record(manager, [{ workspaceId, key, action: 'delete', version: secret.currentVersion, userId }]);
      return secret;
    });
    if (!destroyInTransaction) for (const valueId of valueIds) await removeUnreferencedValue(this.store, { workspaceId, valueId }, 'a deleted secret’s value');
    this.events.publish(Events.SecretDeleted, { workspace_id: workspaceId, key, version: deleted.currentVersion });
    return toSecretView(deleted);
  }

  private async find(workspaceId: string, key: string): Promise<SecretEntity> {
    const secret = await this.secrets.findOne({ where: { workspaceId, key } });
    if (!secret) throw secretNotFound(key);
    return secret;
  }

  // The row lock orders concurrent changes of one secret, so two rotations cannot both become version N+1.
  private async inTransactionWithSecret<T>(
    workspaceId: string,
    key: string,
    work: (manager: EntityManager, secret: SecretEntity) => Promise<T>,
    newValueId?: string,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const secret = await manager.findOne(SecretEntity, { where: { workspaceId, key }, lock: { mode: 'pessimistic_write' } });
        if (!secret) throw secretNotFound(key);
        return work(manager, secret);
      });
    } catch (error) {
      if (newValueId) await this.discardValue(workspaceId, newValueId);
      throw error;
    }
  }

  private async replaceValue(manager: EntityManager, secret: SecretEntity, valueId: string, value: string): Promise<void> {
    await manager.update(SecretVersionEntity, { secret: { id: secret.id }, version: secret.currentVersion }, { retiredAt: new Date() });
    secret.currentVersion += 1;
    await this.storeVersion(manager, secret, secret.currentVersion, valueId, value);
  }

  private async storeVersion(manager: EntityManager, secret: SecretEntity, version: number, valueId: string, value: string): Promise<void> {
    await this.store.write({ workspaceId: secret.workspaceId, valueId }, value, manager);
    await manager.insert(SecretVersionEntity, { workspaceId: secret.workspaceId, secret: { id: secret.id }, version, valueId });
  }

  // A value written to Vault outside the failed transaction would otherwise be left behind unreferenced.
  private async discardValue(workspaceId: string, valueId: string): Promise<void> {
    // The embedded store wrote inside the rolled-back transaction; Vault kept the value.
    if (this.store.backend === 'vault') await removeUnreferencedValue(this.store, { workspaceId, valueId }, 'the value of a failed write');
  }
}
