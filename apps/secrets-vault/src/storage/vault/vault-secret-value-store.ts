import { SecretStorageError, SecretStorageFailure, SecretValueMissingError } from '../secret-storage.errors.js';
import { assertValidAddress } from '../secret-value-address.js';
import type { SecretValueAddress, SecretValueStore } from '../secret-value-store.js';
import type { VaultKv2Client } from './vault-kv2-client.js';

/**
 * Values in Vault KV v2, one secret per stored version at `<mount>/data/<prefix>/<workspace>/<value id>`.
 * Vault is outside our transactions, so a write or destroy inside one cannot be rolled back with it.
 */
export class VaultSecretValueStore implements SecretValueStore {
  readonly backend = 'vault';

  constructor(
    private readonly client: VaultKv2Client,
    private readonly pathPrefix: string,
  ) {}

  async write(address: SecretValueAddress, value: string): Promise<void> {
    await this.client.writeData(this.pathOf(address), { value });
  }

  async read(address: SecretValueAddress): Promise<string> {
    const data = await this.client.readData(this.pathOf(address));
    if (data === undefined) throw new SecretValueMissingError(address);
    if (typeof data.value !== 'string') {
      throw new SecretStorageError(SecretStorageFailure.VaultFailed, `The Vault secret for value ${address.valueId} in workspace ${address.workspaceId} has no "value" string field`);
    }
    return data.value;
  }

  async destroy(address: SecretValueAddress): Promise<void> {
    await this.client.deleteAllVersions(this.pathOf(address));
  }

  /** The path below the mount; the workspace id is URL-encoded because workspace ids are free text. */
  private pathOf(address: SecretValueAddress): string {
    assertValidAddress(address);
    return `${this.pathPrefix}/${encodeURIComponent(address.workspaceId)}/${address.valueId.toLowerCase()}`;
  }
}
