import { randomUUID } from 'node:crypto';
import { rejectionOf } from '@switchboard/testing';
import { EmbeddedSecretValueStore } from '../../src/storage/embedded/embedded-secret-value-store.js';
import { rotateMasterKey } from '../../src/storage/embedded/master-key-rotation.js';
import { MasterKey } from '../../src/storage/embedded/master-key.js';
import { SecretStorageError, SecretStorageFailure, SecretValueMissingError } from '../../src/storage/secret-storage.errors.js';
import type { SecretValueAddress } from '../../src/storage/secret-value-store.js';
import { startEmbeddedStorage, type EmbeddedStorage } from './embedded-storage.fixture.js';
import { describeSecretValueStoreContract } from './secret-value-store.contract.js';

describeSecretValueStoreContract('EmbeddedSecretValueStore on PostgreSQL', startEmbeddedStorage);

const addressIn = (workspaceId: string): SecretValueAddress => ({ workspaceId, valueId: randomUUID() });

/** Every stored row as Postgres prints it, bytea as hex: what an attacker with a database dump sees. */
async function tableDump(storage: EmbeddedStorage): Promise<string> {
  const rows: { dump: string | null }[] = await storage.dataSource.query(`SELECT string_agg(row_to_json(value)::text, E'\\n') AS dump FROM secrets_vault.secret_values value`);
  return rows[0]?.dump ?? '';
}

async function storedColumns(storage: EmbeddedStorage, valueId: string): Promise<{ ciphertext: string; wrapped_data_key: string; master_key_id: string }> {
  const rows: { ciphertext: string; wrapped_data_key: string; master_key_id: string }[] = await storage.dataSource.query(
    `SELECT encode(ciphertext, 'hex') AS ciphertext, encode(wrapped_data_key, 'hex') AS wrapped_data_key, master_key_id FROM secrets_vault.secret_values WHERE value_id = $1`,
    [valueId],
  );
  if (!rows[0]) throw new Error(`No row for ${valueId}`);
  return rows[0];
}

describe('EmbeddedSecretValueStore: encryption at rest', () => {
  let storage: EmbeddedStorage;

  beforeAll(async () => {
    storage = await startEmbeddedStorage();
  });

  afterAll(async () => {
    await storage?.cleanup();
  });

  it('never puts the value in clear in any column, as text or as bytes', async () => {
    const value = `canary-${randomUUID()}-pässwörd`;
    const address = addressIn('ws_at_rest');
    await storage.store.write(address, value);
    const dump = await tableDump(storage);
    expect(dump).toContain(address.valueId);
    expect(dump).not.toContain(value);
    expect(dump.toLowerCase()).not.toContain(Buffer.from(value, 'utf8').toString('hex'));
    expect(dump).not.toContain(Buffer.from(value, 'utf8').toString('base64'));
  });

  it('stores the id of the master key that wraps the data key: first 16 hex characters of its SHA-256', async () => {
    const address = addressIn('ws_at_rest');
    await storage.store.write(address, 'value');
    const columns = await storedColumns(storage, address.valueId);
    expect(columns.master_key_id).toBe(storage.masterKey.id);
    expect(columns.master_key_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('encrypts the same value twice to different ciphertexts (fresh data key and IV each time)', async () => {
    const first = addressIn('ws_at_rest');
    const second = addressIn('ws_at_rest');
    await storage.store.write(first, 'same value');
    await storage.store.write(second, 'same value');
    const [a, b] = await Promise.all([storedColumns(storage, first.valueId), storedColumns(storage, second.valueId)]);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.wrapped_data_key).not.toBe(b.wrapped_data_key);
  });

  it('refuses to decrypt a row moved to another workspace_id', async () => {
    const address = addressIn('ws_owner');
    await storage.store.write(address, 'belongs-to-ws_owner');
    await storage.dataSource.query(`UPDATE secrets_vault.secret_values SET workspace_id = 'ws_thief' WHERE value_id = $1`, [address.valueId]);
    const error = await rejectionOf(storage.store.read({ workspaceId: 'ws_thief', valueId: address.valueId }), SecretStorageError);
    expect(error.failure).toBe(SecretStorageFailure.Undecryptable);
    expect(error.message).not.toContain('belongs-to-ws_owner');
    await rejectionOf(storage.store.read(address), SecretValueMissingError);
  });

  it('refuses to decrypt a row copied under another value id', async () => {
    const address = addressIn('ws_owner');
    await storage.store.write(address, 'original');
    const copy = { workspaceId: 'ws_owner', valueId: randomUUID() };
    await storage.dataSource.query(
      `INSERT INTO secrets_vault.secret_values (value_id, workspace_id, ciphertext, iv, auth_tag, wrapped_data_key, data_key_iv, data_key_auth_tag, master_key_id)
       SELECT $2, workspace_id, ciphertext, iv, auth_tag, wrapped_data_key, data_key_iv, data_key_auth_tag, master_key_id FROM secrets_vault.secret_values WHERE value_id = $1`,
      [address.valueId, copy.valueId],
    );
    expect((await rejectionOf(storage.store.read(copy), SecretStorageError)).failure).toBe(SecretStorageFailure.Undecryptable);
  });

  it('refuses a ciphertext altered by one bit', async () => {
    const address = addressIn('ws_owner');
    await storage.store.write(address, 'do not touch');
    await storage.dataSource.query(`UPDATE secrets_vault.secret_values SET ciphertext = set_bit(ciphertext, 0, 1 - get_bit(ciphertext, 0)) WHERE value_id = $1`, [address.valueId]);
    expect((await rejectionOf(storage.store.read(address), SecretStorageError)).failure).toBe(SecretStorageFailure.Undecryptable);
  });

  it('fails a read under the wrong master key with an error naming both key ids', async () => {
    const address = addressIn('ws_keys');
    await storage.store.write(address, 'needs-the-right-key');
    const otherKey = MasterKey.generate();
    const wrongStore = new EmbeddedSecretValueStore(storage.dataSource, otherKey);
    const error = await rejectionOf(wrongStore.read(address), SecretStorageError);
    expect(error.failure).toBe(SecretStorageFailure.MasterKeyMismatch);
    expect(error.message).toContain(storage.masterKey.id);
    expect(error.message).toContain(otherKey.id);
    expect(await wrongStore.countValuesUnderOtherKeys()).toEqual([{ masterKeyId: storage.masterKey.id, values: expect.any(Number) as number }]);
  });

  it('writes inside the caller’s transaction: a rollback leaves no value behind', async () => {
    const address = addressIn('ws_tx');
    await expect(
      storage.dataSource.transaction(async (manager) => {
        await storage.store.write(address, 'rolled back', manager);
        throw new Error('the caller gives up');
      }),
    ).rejects.toThrow('the caller gives up');
    await rejectionOf(storage.store.read(address), SecretValueMissingError);
  });

  it('destroys inside the caller’s transaction: a rollback keeps the value', async () => {
    const address = addressIn('ws_tx');
    await storage.store.write(address, 'survives');
    await expect(
      storage.dataSource.transaction(async (manager) => {
        await storage.store.destroy(address, manager);
        throw new Error('the caller gives up');
      }),
    ).rejects.toThrow('the caller gives up');
    await expect(storage.store.read(address)).resolves.toBe('survives');
  });
});

describe('rotateMasterKey', () => {
  let storage: EmbeddedStorage;

  beforeAll(async () => {
    storage = await startEmbeddedStorage();
  });

  afterAll(async () => {
    await storage?.cleanup();
  });

  it('re-wraps every data key in batches without touching the ciphertexts, and values still read under the new key', async () => {
    const values = new Map(Array.from({ length: 5 }, (_, index) => [addressIn(`ws_rotation_${index % 2}`), `value-${index}`] as const));
    for (const [address, value] of values) await storage.store.write(address, value);
    const before = new Map(await Promise.all([...values.keys()].map(async (address) => [address.valueId, await storedColumns(storage, address.valueId)] as const)));

    const newKey = MasterKey.generate();
    await expect(rotateMasterKey(storage.dataSource, storage.masterKey, newKey, 2)).resolves.toEqual({ rewrapped: 5, alreadyRewrapped: 0 });

    const rotatedStore = new EmbeddedSecretValueStore(storage.dataSource, newKey);
    for (const [address, value] of values) {
      const after = await storedColumns(storage, address.valueId);
      expect(after.master_key_id).toBe(newKey.id);
      expect(after.ciphertext).toBe(before.get(address.valueId)?.ciphertext);
      expect(after.wrapped_data_key).not.toBe(before.get(address.valueId)?.wrapped_data_key);
      await expect(rotatedStore.read(address)).resolves.toBe(value);
    }
    const [firstAddress] = values.keys();
    const stale = await rejectionOf(storage.store.read(firstAddress), SecretStorageError);
    expect(stale.failure).toBe(SecretStorageFailure.MasterKeyMismatch);
    expect(stale.message).toContain(newKey.id);

    // Running it again finds nothing left to do.
    await expect(rotateMasterKey(storage.dataSource, storage.masterKey, newKey)).resolves.toEqual({ rewrapped: 0, alreadyRewrapped: 5 });
    storage.store = rotatedStore;
    storage.masterKey = newKey;
  });

  it('changes nothing when some values are wrapped under a key that is neither the old nor the new one', async () => {
    const strangerKey = MasterKey.generate();
    const address = addressIn('ws_rotation_stranger');
    await new EmbeddedSecretValueStore(storage.dataSource, strangerKey).write(address, 'under a stranger key');
    const before: unknown = await storage.dataSource.query(`SELECT value_id, master_key_id FROM secrets_vault.secret_values ORDER BY value_id`);

    await expect(rotateMasterKey(storage.dataSource, storage.masterKey, MasterKey.generate())).rejects.toThrow(
      new RegExp(`1 under ${strangerKey.id}.*Nothing was changed`),
    );
    await expect(storage.dataSource.query(`SELECT value_id, master_key_id FROM secrets_vault.secret_values ORDER BY value_id`)).resolves.toEqual(before);
  });

  it('refuses to rotate to the key already in use', async () => {
    await expect(rotateMasterKey(storage.dataSource, storage.masterKey, storage.masterKey)).rejects.toThrow(/is the current one/);
  });
});
