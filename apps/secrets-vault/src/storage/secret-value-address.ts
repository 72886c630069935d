import { SecretStorageError, SecretStorageFailure } from './secret-storage.errors.js';
import type { SecretValueAddress } from './secret-value-store.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WORKSPACE_ID_MAX_LENGTH = 128;

/**
 * Rejects addresses that could not name one value safely: the workspace id becomes a Vault path
 * segment (so no `/`, `.` or `..`) and the value id a Postgres uuid.
 */
export function assertValidAddress(address: SecretValueAddress): void {
  const { workspaceId, valueId } = address;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  const unsafeWorkspaceId = /[/\u0000-\u001f\u007f]/.test(workspaceId) || workspaceId === '.' || workspaceId === '..';
  if (workspaceId.length === 0 || workspaceId.length > WORKSPACE_ID_MAX_LENGTH || unsafeWorkspaceId) {
    throw new SecretStorageError(SecretStorageFailure.InvalidAddress, 'A secret value address needs a workspace id of 1-128 characters without "/" or control characters');
  }
  if (!UUID_PATTERN.test(valueId)) {
    // The id is not echoed: a caller that mixed up its arguments could be passing the value itself.
    throw new SecretStorageError(SecretStorageFailure.InvalidAddress, 'A secret value address needs a UUID value id');
  }
}
