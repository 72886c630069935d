import { MoreThan, type DataSource } from 'typeorm';
import { rewrapDataKey } from './envelope-cipher.js';
import type { MasterKey } from './master-key.js';
import { secretValueAad } from './secret-value-aad.js';
import { SecretValueEntity } from './secret-value.entity.js';

/** How many rows are loaded and re-wrapped at a time, to bound memory on large tables. */
const DEFAULT_BATCH_SIZE = 500;

/** Outcome of {@link rotateMasterKey}. */
export interface MasterKeyRotation {
  /** Values whose data key was re-wrapped under the new key by this run. */
  rewrapped: number;
  /** Values already under the new key (an interrupted or repeated rotation), left as they were. */
  alreadyRewrapped: number;
}

/**
 * Re-wraps every data key from `oldKey` to `newKey` in one transaction, batch by batch; the
 * ciphertexts are not touched. All or nothing, and safe to repeat: a service still running on the
 * old key keeps writing under it after the commit, so stop secrets-vault first (or run it again).
 */
export async function rotateMasterKey(dataSource: DataSource, oldKey: MasterKey, newKey: MasterKey, batchSize = DEFAULT_BATCH_SIZE): Promise<MasterKeyRotation> {
  if (oldKey.id === newKey.id) throw new Error(`The new master key is the current one (id ${oldKey.id}); nothing to rotate`);
  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(SecretValueEntity);
    // Holds writers off until commit so that the check below and every batch see the same rows.
    const table = repository.metadata.tablePath;
    await manager.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const byKey = await repository
      .createQueryBuilder('value')
      .select('value.masterKeyId', 'masterKeyId')
      .addSelect('count(*)::int', 'values')
      .groupBy('value.masterKeyId')
      .getRawMany<{ masterKeyId: string; values: number }>();
    const unknown = byKey.filter((group) => group.masterKeyId !== oldKey.id && group.masterKeyId !== newKey.id);
    if (unknown.length > 0) {
      const list = unknown.map((group) => `${group.values} under ${group.masterKeyId}`).join(', ');
      throw new Error(`Some values are wrapped under neither the current key (${oldKey.id}) nor the new one (${newKey.id}): ${list}. Nothing was changed.`);
    }

    let rewrapped = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Keyset pagination on the primary key: each batch starts where the last ended, never re-scanning.
      const batch = await repository.find({
        where: { masterKeyId: oldKey.id, valueId: MoreThan(after) },
        order: { valueId: 'ASC' },
        take: batchSize,
      });
      if (batch.length === 0) break;
      const rewraps = batch.map((row) =>
        rewrapDataKey(
          { ciphertext: row.wrappedDataKey, iv: row.dataKeyIv, authTag: row.dataKeyAuthTag },
          secretValueAad({ workspaceId: row.workspaceId, valueId: row.valueId }),
          oldKey,
          newKey,
        ),
      );
      // One statement per batch instead of one per row.
      await manager.query(
        `UPDATE ${table} AS value
            SET wrapped_data_key = rewrap.wrapped_data_key, data_key_iv = rewrap.data_key_iv,
                data_key_auth_tag = rewrap.data_key_auth_tag, master_key_id = $5
           FROM unnest($1::uuid[], $2::bytea[], $3::bytea[], $4::bytea[]) AS rewrap(value_id, wrapped_data_key, data_key_iv, data_key_auth_tag)
          WHERE value.value_id = rewrap.value_id AND value.master_key_id = $6`,
        [
          batch.map((row) => row.valueId),
          rewraps.map((wrapped) => wrapped.ciphertext),
          rewraps.map((wrapped) => wrapped.iv),
          rewraps.map((wrapped) => wrapped.authTag),
          newKey.id,
          oldKey.id,
        ],
      );
      rewrapped += batch.length;
      after = batch.at(-1)?.valueId ?? after;
    }
    const alreadyRewrapped = byKey.find((group) => group.masterKeyId === newKey.id)?.values ?? 0;
    return { rewrapped, alreadyRewrapped };
  });
}
