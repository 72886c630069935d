import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntegrationSecretOwnerType, IntegrationSecretReply } from '@switchboard/contracts';
import { DataSource, In } from 'typeorm';
import { SECRET_VALUE_STORE, type SecretValueStore } from '../storage/secret-value-store.js';
import { removeUnreferencedValue } from '../storage/unreferenced-values.js';
import { IntegrationSecretEntity } from './integration-secret.entity.js';

export interface IntegrationSecretOwner {
  workspaceId: string;
  ownerType: IntegrationSecretOwnerType;
  owner: string;
}

/** User and network secrets: one owner's key/value space inside a workspace, stored like every other value. */
@Injectable()
export class IntegrationSecretsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_VALUE_STORE) private readonly store: SecretValueStore,
  ) {}

  async get(owner: IntegrationSecretOwner, key: string): Promise<IntegrationSecretReply> {
    const row = await this.dataSource.manager.findOne(IntegrationSecretEntity, { where: { ...owner, key } });
    if (!row) return { found: false, value: '' };
    return { found: true, value: await this.store.read({ workspaceId: owner.workspaceId, valueId: row.valueId }) };
  }

  /** The values of those of `keys` the owner has a secret for; absent keys are simply not in the map. */
  async readMany(owner: IntegrationSecretOwner, keys: readonly string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(IntegrationSecretEntity, { where: { ...owner, key: In([...keys]) } });
    const values = await Promise.all(
      rows.map(async (row) => [row.key, await this.store.read({ workspaceId: owner.workspaceId, valueId: row.valueId })] as const),
    );
    return new Map(values);
  }

  /** Replaces the value: the new one is stored first, the old one destroyed once nothing points at it. */
  async set(owner: IntegrationSecretOwner, key: string, value: string): Promise<void> {
    const valueId = randomUUID();
    const replaced = await this.dataSource.transaction(async (manager) => {
      // A row lock cannot order two first sets (there is no row yet); a lock on the name can.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`integration-secret:${owner.workspaceId}:${owner.ownerType}:${owner.owner}:${key}`]);
      const existing = await manager.findOne(IntegrationSecretEntity, { where: { ...owner, key } });
      await this.store.write({ workspaceId: owner.workspaceId, valueId }, value, manager);
      await manager
        .createQueryBuilder()
        .insert()
        .into(IntegrationSecretEntity)
        .values({ ...owner, key, valueId })
        .orUpdate(['value_id', 'updated_at'], ['workspace_id', 'owner_type', 'owner', 'key'])
        .execute();
      return existing?.valueId;
    });
    if (replaced) await removeUnreferencedValue(this.store, { workspaceId: owner.workspaceId, valueId: replaced }, 'a replaced integration secret’s value');
  }
}
