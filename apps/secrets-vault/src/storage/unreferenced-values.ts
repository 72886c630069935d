import { Logger } from '@nestjs/common';
import type { SecretValueAddress, SecretValueStore } from './secret-value-store.js';

const logger = new Logger('SecretStorage');

/**
 * Removes a value no row points to any more (its secret is deleted or replaced, or its write was rolled back). The
 * change it follows has been made and told, so a failure (Vault down, say) does not undo or fail it: the value is
 * left unreferenced, and warned of with its address.
 */
export async function removeUnreferencedValue(store: SecretValueStore, address: SecretValueAddress, what: string): Promise<void> {
  await store.destroy(address).catch((error: unknown) => {
    logger.warn({ workspace_id: address.workspaceId, value_id: address.valueId, err: error }, `could not remove ${what} from the secret store; it is left unreferenced`);
  });
}
