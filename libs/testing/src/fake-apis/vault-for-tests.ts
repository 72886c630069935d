import type { RecordedRequest } from './recorded-request.js';

/** A running Vault with a KV v2 engine, for tests: the stand-in or a real one in a container. */
export interface VaultForTests {
  kind: 'stand-in' | 'container';
  /** Base URL (VAULT_ADDR), e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** A token allowed to do everything (the dev-mode root token). */
  token: string;
  /** Mount path of the KV v2 engine (`secret`, as in Vault's dev mode). */
  mount: string;
  /** Every request received, in order, with the token value redacted. */
  requests: RecordedRequest[];
  stop(): Promise<void>;
}
