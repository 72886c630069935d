import { randomUUID } from 'node:crypto';
import { rejectionOf } from '@switchboard/testing';
import { SecretStorageError, SecretStorageFailure, SecretValueMissingError } from '../../src/storage/secret-storage.errors.js';
import type { SecretValueAddress, SecretValueStore } from '../../src/storage/secret-value-store.js';

/** A store under test and how to tear it down. */
export interface StoreUnderTest {
  store: SecretValueStore;
  cleanup(): Promise<void>;
}

/** The behaviour every SecretValueStore backend must share; each backend's spec runs it against a real backing store. */
export function describeSecretValueStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (SecretValueStore contract)`, () => {
    let subject: StoreUnderTest | undefined;
    const store = (): SecretValueStore => {
      if (!subject) throw new Error('The store was not created: see the beforeAll failure above');
      return subject.store;
    };
    // Each test has its own workspace, so no test sees another's values.
    const addressIn = (workspaceId: string): SecretValueAddress => ({ workspaceId, valueId: randomUUID() });
    const freshWorkspace = (): string => `ws_${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      subject = await makeStore();
    });

    afterAll(async () => {
      await subject?.cleanup();
    });

    it('reads back the value it wrote', async () => {
      const address = addressIn(freshWorkspace());
      await store().write(address, 'sk_live_51H8example');
      await expect(store().read(address)).resolves.toBe('sk_live_51H8example');
    });

    it('reads back unicode unchanged, byte for byte', async () => {
      const address = addressIn(freshWorkspace());
      const value = 'pässwörd 🔑 秘密 é (e + combining acute) \u00e9 \t\n"quotes" \\ backslash';
      await store().write(address, value);
      const read = await store().read(address);
      expect(Buffer.from(read, 'utf8').equals(Buffer.from(value, 'utf8'))).toBe(true);
    });

    it('reads back a 64 KiB value unchanged', async () => {
      const address = addressIn(freshWorkspace());
      const value = Array.from({ length: 64 * 1024 }, (_, index) => String.fromCharCode(33 + (index % 94))).join('');
      await store().write(address, value);
      await expect(store().read(address)).resolves.toBe(value);
    });

    it('keeps reads isolated per workspace: the same value id in another workspace is missing', async () => {
      const address = addressIn(freshWorkspace());
      await store().write(address, 'only-for-the-first-workspace');
      const elsewhere = { workspaceId: freshWorkspace(), valueId: address.valueId };
      const error = await rejectionOf(store().read(elsewhere), SecretValueMissingError);
      expect(error.address).toEqual(elsewhere);
      await expect(store().read(address)).resolves.toBe('only-for-the-first-workspace');
    });

    it('throws SecretValueMissingError for a value never written', async () => {
      await rejectionOf(store().read(addressIn(freshWorkspace())), SecretValueMissingError);
    });

    it('throws SecretValueMissingError on a read after destroy', async () => {
      const address = addressIn(freshWorkspace());
      await store().write(address, 'short-lived');
      await store().destroy(address);
      await rejectionOf(store().read(address), SecretValueMissingError);
    });

    it('treats destroying an absent value as done', async () => {
      await expect(store().destroy(addressIn(freshWorkspace()))).resolves.toBeUndefined();
    });

    it('keeps two values of different value ids apart, through writes and a destroy', async () => {
      const workspaceId = freshWorkspace();
      const first = addressIn(workspaceId);
      const second = addressIn(workspaceId);
      await store().write(first, 'first-value');
      await store().write(second, 'second-value');
      await expect(store().read(first)).resolves.toBe('first-value');
      await expect(store().read(second)).resolves.toBe('second-value');
      await store().destroy(first);
      await expect(store().read(second)).resolves.toBe('second-value');
    });

    it('refuses an address whose value id is not a UUID or whose workspace id holds a "/"', async () => {
      const bad = await rejectionOf(store().write({ workspaceId: freshWorkspace(), valueId: 'not-a-uuid' }, 'x'), SecretStorageError);
      expect(bad.failure).toBe(SecretStorageFailure.InvalidAddress);
      const slash = await rejectionOf(store().read({ workspaceId: 'ws/../other', valueId: randomUUID() }), SecretStorageError);
      expect(slash.failure).toBe(SecretStorageFailure.InvalidAddress);
    });

    it('does not mention the value in the error for a missing one', async () => {
      const address = addressIn(freshWorkspace());
      await store().write(address, 'never-in-an-error-message');
      await store().destroy(address);
      const error = await rejectionOf(store().read(address), SecretValueMissingError);
      expect(error.message).toContain(address.valueId);
      expect(error.message).not.toContain('never-in-an-error-message');
    });
  });
}
