import type { WebhookHmacView } from './webhook-hmac.dto.js';
import type { WebhookScheme } from './webhook-scheme.js';

/**
 * Reply of `connection.webhook.resolve-receive`: everything the executor needs to verify a receipt and forward it.
 * The secret is a reference: the executor resolves `signing_secret_key` with the vault for `env`, as for a run.
 */
export interface WebhookReceiveTarget {
  workspace_id: string;
  product: string;
  /** The webhook's tag. */
  webhook: string;
  env: string;
  receive_id: string;
  scheme: WebhookScheme;
  /** The reference as written, e.g. `$Token{GITHUB_WEBHOOK_SECRET}`. */
  signing_secret: string;
  /** The key it names, e.g. `GITHUB_WEBHOOK_SECRET`. */
  signing_secret_key: string;
  /** The access tag of the sending app's connection, or `null` when the webhook names none. */
  app: string | null;
  /** The app that connection connects (for the vault's scope check), or `null` without one. */
  app_tag: string | null;
  tolerance_seconds: number;
  hmac: WebhookHmacView | null;
  forward_url: string | null;
}
