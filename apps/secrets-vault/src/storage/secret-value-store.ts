import type { EntityManager } from 'typeorm';

/** Where one stored value lives; `valueId` is a fresh UUID per stored version, chosen by the caller. */
export interface SecretValueAddress {
  workspaceId: string;
  valueId: string;
}

/** Which backend holds secret values: Postgres with envelope encryption (default) or Vault KV v2. */
export type SecretStorageBackend = 'embedded' | 'vault';

/** Keeps secret values; metadata, versions and access rules live elsewhere and point here by address. */
export interface SecretValueStore {
  readonly backend: SecretStorageBackend;
  /** Stores a value. With `manager`, the embedded store writes inside the caller's transaction (Vault ignores it). */
  write(address: SecretValueAddress, value: string, manager?: EntityManager): Promise<void>;
  /** Reads a value; throws SecretValueMissingError when absent. */
  read(address: SecretValueAddress): Promise<string>;
  /** Removes a value for good (delete of a secret); absent is not an error. */
  destroy(address: SecretValueAddress, manager?: EntityManager): Promise<void>;
}

/** Nest injection token of the configured {@link SecretValueStore}. */
export const SECRET_VALUE_STORE = Symbol('SECRET_VALUE_STORE');
