import type { WebhookDeliveryState } from './webhook-delivery-state.js';
import type { WebhookHmacView } from './webhook-hmac.dto.js';
import type { WebhookScheme } from './webhook-scheme.js';

/** One env a webhook receives in, as the connection service stores it. */
export interface WebhookEnvDefinition {
  env: string;
  receive_id: string;
}

/** A webhook as the connection service stores it; the gateway adds each env's `receive_url`. */
export interface WebhookDefinition {
  tag: string;
  name: string;
  product: string;
  scheme: WebhookScheme;
  /** The access tag of the sending app's connection, or `null`. */
  app: string | null;
  /** The secret reference, as written (`$Token{GITHUB_WEBHOOK_SECRET}`); never a value. */
  signing_secret: string;
  envs: WebhookEnvDefinition[];
  forward_url: string | null;
  tolerance_seconds: number;
  /** Set for scheme `hmac` only. */
  hmac: WebhookHmacView | null;
  created_at: string;
  updated_at: string;
}

/** One env a webhook receives in, with the URL its sender posts to: `<public base>/hooks/<receive_id>`. */
export interface WebhookEnv extends WebhookEnvDefinition {
  receive_url: string;
}

/** A webhook as the API returns it: the definition, with receive URLs, and how delivery to its forward URL is doing. */
export interface Webhook extends Omit<WebhookDefinition, 'envs'> {
  envs: WebhookEnv[];
  delivery: WebhookDeliveryState;
}
