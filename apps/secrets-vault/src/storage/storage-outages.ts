import { ErrorCode } from '@switchboard/contracts';
import { DomainError, OutageLog, type OutageLogger } from '@switchboard/platform';
import { SecretStorageError, SecretStorageFailure } from './secret-storage.errors.js';
import type { SecretValueStore } from './secret-value-store.js';

// Vault not there for us, whatever the request: a 503, never a 500. A refused token lasts until an operator acts, so
// it says so; Vault's other answers (a mount that is not KV v2, a value without its field) are bugs or setup and stay
// internal errors, logged with their message.
const TRY_AGAIN = 'The secret store (Vault) cannot be used right now: try again shortly';
const OUTAGES = new Map([
  [SecretStorageFailure.VaultUnreachable, TRY_AGAIN],
  [SecretStorageFailure.VaultUnavailable, TRY_AGAIN],
  [SecretStorageFailure.VaultPermissionDenied, "The secret store (Vault) refuses this installation's token: an operator must renew it or grant it the KV policy"],
]);

/**
 * The store, with Vault's outages (unreachable, unavailable, refusing the token) answered `503 secret_storage_unavailable` (the gateway's status for it) and warned
 * of at most once a second with the storage error's message, which names Vault's address and never a value or a token.
 * Every other failure goes on as it was thrown.
 */
export function answeringOutages(store: SecretValueStore, logger: OutageLogger): SecretValueStore {
  const outages = new OutageLog(logger, 'the secret store cannot be used; answered secret_storage_unavailable', (error) => (error as SecretStorageError).message);
  const guarded = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      const failure = error instanceof SecretStorageError ? error.failure : undefined;
      const message = failure && OUTAGES.get(failure);
      if (!message) throw error;
      outages.note(error, { failure });
      throw new DomainError(ErrorCode.SecretStorageUnavailable, message, {});
    }
  };
  return {
    backend: store.backend,
    write: (address, value, manager) => guarded(() => store.write(address, value, manager)),
    read: (address) => guarded(() => store.read(address)),
    destroy: (address, manager) => guarded(() => store.destroy(address, manager)),
  };
}
