import { ErrorCode } from '@switchboard/contracts';
import { DomainError, OutageLog, type OutageLogger } from '@switchboard/platform';
import { SecretStorageError, SecretStorageFailure } from './secret-storage.errors.js';
import type { SecretValueStore } from './secret-value-store.js';

// Vault not there for us, whatever the request: worth a 503 and another try, never a 500.
const OUTAGES = new Set([SecretStorageFailure.VaultUnreachable, SecretStorageFailure.VaultFailed, SecretStorageFailure.VaultPermissionDenied]);

/**
 * The store, with Vault's outages answered `503 secret_storage_unavailable` (the gateway's status for it) and warned
 * of at most once a second with the storage error's message, which names Vault's address and never a value or a token.
 * Every other failure goes on as it was thrown.
 */
export function answeringOutages(store: SecretValueStore, logger: OutageLogger): SecretValueStore {
  const outages = new OutageLog(logger, 'the secret store cannot be used; answered secret_storage_unavailable', (error) => (error as SecretStorageError).message);
  const guarded = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof SecretStorageError && OUTAGES.has(error.failure))) throw error;
      outages.note(error, { failure: error.failure });
      throw new DomainError(ErrorCode.SecretStorageUnavailable, 'The secret store (Vault) cannot be used right now: try again shortly', {});
    }
  };
  return {
    backend: store.backend,
    write: (address, value, manager) => guarded(() => store.write(address, value, manager)),
    read: (address) => guarded(() => store.read(address)),
    destroy: (address, manager) => guarded(() => store.destroy(address, manager)),
  };
}
