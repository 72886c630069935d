import type { DataSource, EntityManager } from 'typeorm';
import { SecretStorageError, SecretStorageFailure, SecretValueMissingError } from '../secret-storage.errors.js';
import { assertValidAddress } from '../secret-value-address.js';
import type { SecretValueAddress, SecretValueStore } from '../secret-value-store.js';
import { openEnvelope, sealEnvelope, type EnvelopeSealed } from './envelope-cipher.js';
import type { MasterKey } from './master-key.js';
import { secretValueAad } from './secret-value-aad.js';
import { SecretValueEntity } from './secret-value.entity.js';

/** Rows wrapped under a key other than the loaded one, by key id. */
export interface ForeignKeyCount {
  masterKeyId: string;
  values: number;
}

/** The default store: values AES-256-GCM envelope-encrypted in `secrets_vault.secret_values`. */
export class EmbeddedSecretValueStore implements SecretValueStore {
  readonly backend = 'embedded';

  constructor(
    private readonly dataSource: DataSource,
    private readonly masterKey: MasterKey,
  ) {}

  async write(address: SecretValueAddress, value: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    assertValidAddress(address);
    const sealed = sealEnvelope(value, secretValueAad(address), this.masterKey);
    await manager.insert(SecretValueEntity, {
      valueId: address.valueId,
      workspaceId: address.workspaceId,
      ciphertext: sealed.value.ciphertext,
      iv: sealed.value.iv,
      authTag: sealed.value.authTag,
      wrappedDataKey: sealed.dataKey.ciphertext,
      dataKeyIv: sealed.dataKey.iv,
      dataKeyAuthTag: sealed.dataKey.authTag,
      masterKeyId: sealed.masterKeyId,
    });
  }

  async read(address: SecretValueAddress): Promise<string> {
    assertValidAddress(address);
    const row = await this.dataSource.manager.findOneBy(SecretValueEntity, { valueId: address.valueId, workspaceId: address.workspaceId });
    if (!row) throw new SecretValueMissingError(address);
    if (row.masterKeyId !== this.masterKey.id) {
      throw new SecretStorageError(
        SecretStorageFailure.MasterKeyMismatch,
        `Secret value ${address.valueId} is wrapped under master key ${row.masterKeyId}, but the loaded master key is ${this.masterKey.id}: ` +
          'start secrets-vault with the key it was stored under, or finish the master key rotation',
      );
    }
    try {
      return openEnvelope(toEnvelope(row), secretValueAad(address), this.masterKey);
    } catch (error) {
      // GCM only says "unable to authenticate": with the right key that means the row was altered or moved.
      throw new SecretStorageError(
        SecretStorageFailure.Undecryptable,
        `Secret value ${address.valueId} in workspace ${address.workspaceId} failed authentication: its row was altered or copied from another address`,
        { cause: error },
      );
    }
  }

  async destroy(address: SecretValueAddress, manager: EntityManager = this.dataSource.manager): Promise<void> {
    assertValidAddress(address);
    await manager.delete(SecretValueEntity, { valueId: address.valueId, workspaceId: address.workspaceId });
  }

  /** Counts stored values wrapped under other master keys: any at start-up means the wrong key was loaded. */
  async countValuesUnderOtherKeys(): Promise<ForeignKeyCount[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(SecretValueEntity, 'value')
      .select('value.masterKeyId', 'masterKeyId')
      .addSelect('count(*)::int', 'values')
      .where('value.masterKeyId <> :id', { id: this.masterKey.id })
      .groupBy('value.masterKeyId')
      .getRawMany<ForeignKeyCount>();
    return rows;
  }
}

function toEnvelope(row: SecretValueEntity): EnvelopeSealed {
  return {
    value: { ciphertext: row.ciphertext, iv: row.iv, authTag: row.authTag },
    dataKey: { ciphertext: row.wrappedDataKey, iv: row.dataKeyIv, authTag: row.dataKeyAuthTag },
    masterKeyId: row.masterKeyId,
  };
}
