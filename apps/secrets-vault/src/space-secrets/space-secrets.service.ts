import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SecretSpace, SpaceSecretReply } from '@switchboard/contracts';
import { DataSource, In } from 'typeorm';
import { SECRET_VALUE_STORE, type SecretValueStore } from '../storage/secret-value-store.js';
import { SpaceSecretEntity } from './space-secret.entity.js';

export interface SpaceSecretOwner {
  workspaceId: string;
  space: SecretSpace;
  owner: string;
}

/** User and network secrets: one owner's key/value space inside a workspace, stored like every other value. */
@Injectable()
export class SpaceSecretsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRET_VALUE_STORE) private readonly store: SecretValueStore,
  ) {}

  async get(owner: SpaceSecretOwner, key: string): Promise<SpaceSecretReply> {
    const row = await this.dataSource.manager.findOne(SpaceSecretEntity, { where: { ...owner, key } });
    if (!row) return { found: false, value: '' };
    return { found: true, value: await this.store.read({ workspaceId: owner.workspaceId, valueId: row.valueId }) };
  }

  /** The values of those of `keys` the owner has a secret for; absent keys are simply not in the map. */
  async readMany(owner: SpaceSecretOwner, keys: readonly string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(SpaceSecretEntity, { where: { ...owner, key: In([...keys]) } });
    const values = await Promise.all(
      rows.map(async (row) => [row.key, await this.store.read({ workspaceId: owner.workspaceId, valueId: row.valueId })] as const),
    );
    return new Map(values);
  }

  /** Replaces the value: the new one is stored first, the old one destroyed once nothing points at it. */
  async set(owner: SpaceSecretOwner, key: string, value: string): Promise<void> {
    const valueId = randomUUID();
    const replaced = await this.dataSource.transaction(async (manager) => {
      // A row lock cannot order two first sets (there is no row yet); a lock on the name can.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`space-secret:${owner.workspaceId}:${owner.space}:${owner.owner}:${key}`]);
      const existing = await manager.findOne(SpaceSecretEntity, { where: { ...owner, key } });
      await this.store.write({ workspaceId: owner.workspaceId, valueId }, value, manager);
      await manager
        .createQueryBuilder()
        .insert()
        .into(SpaceSecretEntity)
        .values({ ...owner, key, valueId })
        .orUpdate(['value_id', 'updated_at'], ['workspace_id', 'space', 'owner', 'key'])
        .execute();
      return existing?.valueId;
    });
    if (replaced) await this.store.destroy({ workspaceId: owner.workspaceId, valueId: replaced });
  }
}
