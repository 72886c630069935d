import { containerEngineAnswers } from './container-engine.js';
import type { VaultForTests } from './vault-for-tests.js';
import { startVaultKv2StandIn } from './vault-kv2-stand-in.js';

/**
 * A Vault for tests: a real `hashicorp/vault` container when a Docker engine answers, else the KV v2
 * stand-in. SWITCHBOARD_TEST_VAULT=container or =stand-in forces one (container then fails loudly
 * without an engine instead of quietly testing against the stand-in).
 */
export async function startVaultForTests(): Promise<VaultForTests> {
  const choice = process.env.SWITCHBOARD_TEST_VAULT;
  if (choice !== undefined && choice !== '' && choice !== 'container' && choice !== 'stand-in') {
    throw new Error(`SWITCHBOARD_TEST_VAULT must be "container" or "stand-in", not "${choice}"`);
  }
  const useContainer = choice === 'container' || (choice !== 'stand-in' && (await containerEngineAnswers()));
  if (!useContainer) return startVaultKv2StandIn();
  // Loaded only when used: testcontainers pulls in dockerode and friends.
  const { startVaultContainer } = await import('./vault-container.js');
  return startVaultContainer();
}
