import nodeVault from 'node-vault';
import { SecretStorageError, SecretStorageFailure } from '../secret-storage.errors.js';
import { classifyVaultFailure } from './vault-failure.js';

/** How to reach one KV v2 engine. */
export interface VaultKv2ClientOptions {
  /** VAULT_ADDR, e.g. `https://vault.internal:8200`. */
  address: string;
  token: string;
  /** Mount path of the KV v2 engine, e.g. `secret`. */
  mount: string;
  requestTimeoutMs: number;
}

/**
 * The one typed door to node-vault, whose own types are `any` throughout: KV v2 reads, writes and
 * deletes by path, with Vault's answers turned into {@link SecretStorageError}s. Paths are relative
 * to the mount and already URL-encoded.
 */
export class VaultKv2Client {
  // Private fields, so that logging this object by mistake cannot print the token inside node-vault's client.
  readonly #client: nodeVault.client;
  readonly #address: string;
  readonly #mount: string;

  constructor(options: VaultKv2ClientOptions) {
    this.#client = nodeVault({
      // node-vault's own debug output (DEBUG=node-vault) prints request bodies, which hold secret values.
      debug: () => undefined,
      apiVersion: 'v1',
      endpoint: options.address,
      token: options.token,
      requestOptions: { timeout: options.requestTimeoutMs },
    });
    this.#address = options.address;
    this.#mount = options.mount;
  }

  /** Writes a new version of the secret at `path`. */
  async writeData(path: string, data: Record<string, string>): Promise<void> {
    await this.#call(`write ${path}`, () => this.#client.write(`${this.#mount}/data/${path}`, { data }));
  }

  /** The latest version's data, or undefined when the path holds no live version. */
  async readData(path: string): Promise<Record<string, unknown> | undefined> {
    const body = await this.#call(`read ${path}`, () => this.#client.read(`${this.#mount}/data/${path}`), { absentOn404: true });
    if (body === undefined) return undefined;
    const data = field(field(body, 'data'), 'data');
    if (typeof data !== 'object' || data === null) {
      throw new SecretStorageError(SecretStorageFailure.VaultFailed, `Vault at ${this.#address} answered the read of ${this.#mount}/data/${path} without a data object: is ${this.#mount} a KV version 2 engine?`);
    }
    return data as Record<string, unknown>;
  }

  /** Removes every version and the metadata at `path`; an absent path is not an error. */
  async deleteAllVersions(path: string): Promise<void> {
    await this.#call(`delete ${path}`, () => this.#client.delete(`${this.#mount}/metadata/${path}`), { absentOn404: true });
  }

  /** Resolves when Vault is initialized and unsealed (a standby counts: it forwards to the active node). */
  async health(): Promise<void> {
    await this.#call('health check', () => this.#client.health({ standbyok: true, perfstandbyok: true }));
  }

  async #call(operation: string, request: () => Promise<unknown>, options: { absentOn404?: boolean } = {}): Promise<unknown> {
    try {
      return await request();
    } catch (error) {
      const failure = classifyVaultFailure(error);
      if (failure.kind === 'network') {
        // No `cause`: axios errors carry the request config, X-Vault-Token header included.
        throw new SecretStorageError(SecretStorageFailure.VaultUnreachable, `Vault at ${this.#address} is unreachable (${failure.code}) during ${operation}`);
      }
      // KV v2 answers a missing or deleted secret with 404 and no error text; "no handler for route" means no such mount.
      if (failure.status === 404 && failure.errors.length === 0 && options.absentOn404) return undefined;
      if (failure.status === 403) {
        throw new SecretStorageError(
          SecretStorageFailure.VaultPermissionDenied,
          `Vault at ${this.#address} refused ${operation} on mount ${this.#mount}: the token lacks permission (or is invalid or expired)`,
        );
      }
      const detail = failure.errors.length > 0 ? `: ${failure.errors.join('; ')}` : '';
      const unavailable = failure.status === 429 || failure.status >= 500;
      throw new SecretStorageError(
        unavailable ? SecretStorageFailure.VaultUnavailable : SecretStorageFailure.VaultFailed,
        `Vault at ${this.#address} answered ${failure.status} to ${operation} on mount ${this.#mount}${detail}`,
      );
    }
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
