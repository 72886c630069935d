import { randomBytes } from 'node:crypto';
import { GenericContainer, Wait } from 'testcontainers';
import { startRecordingProxy } from './recording-proxy.js';
import type { VaultForTests } from './vault-for-tests.js';

const VAULT_IMAGE = 'hashicorp/vault:1.21';
const VAULT_PORT = 8200;

/**
 * A real Vault in dev mode (in memory, unsealed, KV v2 at `secret/`, the given root token), reached
 * through a recording proxy so that tests can inspect requests exactly as with the stand-in.
 */
export async function startVaultContainer(token = `root-${randomBytes(12).toString('hex')}`): Promise<VaultForTests> {
  const container = await new GenericContainer(VAULT_IMAGE)
    .withEnvironment({ VAULT_DEV_ROOT_TOKEN_ID: token, VAULT_DEV_LISTEN_ADDRESS: `0.0.0.0:${VAULT_PORT}` })
    // Vault locks its memory so secrets never reach swap; it needs this capability to do so.
    .withAddedCapabilities('IPC_LOCK')
    .withExposedPorts(VAULT_PORT)
    .withWaitStrategy(Wait.forHttp('/v1/sys/health', VAULT_PORT).forStatusCode(200))
    .withStartupTimeout(120_000)
    .start();
  const proxy = await startRecordingProxy(`http://${container.getHost()}:${container.getMappedPort(VAULT_PORT)}`, token);
  return {
    kind: 'container',
    url: proxy.url,
    token,
    mount: 'secret',
    requests: proxy.requests,
    stop: async () => {
      await proxy.stop();
      await container.stop();
    },
  };
}
