import type { SecretValueAddress } from '../secret-value-store.js';

/**
 * Additional authenticated data of a stored value: its address. A row copied to another workspace
 * or value id then fails authentication instead of decrypting under the wrong owner.
 */
export function secretValueAad(address: SecretValueAddress): Buffer {
  // Unambiguous despite ":" in workspace ids: the value id after the last ":" is a UUID.
  return Buffer.from(`${address.workspaceId}:${address.valueId.toLowerCase()}`, 'utf8');
}
