import type { SecretValueAddress } from './secret-value-store.js';

/** Why the value storage failed; callers branch on this, never on message text. */
export enum SecretStorageFailure {
  ValueMissing = 'value_missing',
  InvalidAddress = 'invalid_address',
  MasterKeyMismatch = 'master_key_mismatch',
  Undecryptable = 'undecryptable',
  VaultPermissionDenied = 'vault_permission_denied',
  VaultUnreachable = 'vault_unreachable',
  /** Vault answered that it cannot serve now: sealed, a standby without an active node, overloaded (5xx, 429). */
  VaultUnavailable = 'vault_unavailable',
  VaultFailed = 'vault_failed',
}

/**
 * A failure of the value storage. Messages name addresses, key ids and Vault addresses, never a
 * value, a key or a token, so they are safe to log.
 */
export class SecretStorageError extends Error {
  constructor(
    readonly failure: SecretStorageFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SecretStorageError';
  }
}

/** No value is stored at the address (never written, destroyed, or another workspace's). */
export class SecretValueMissingError extends SecretStorageError {
  constructor(readonly address: SecretValueAddress) {
    super(SecretStorageFailure.ValueMissing, `No secret value is stored for value ${address.valueId} in workspace ${address.workspaceId}`);
    this.name = 'SecretValueMissingError';
  }
}
