import { IsTag } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/**
 * `secrets.webhook-forwarding-secret.ensure`: the secret Switchboard signs a webhook's forwarded events with (Standard
 * Webhooks, `whsec_` and 32 random bytes in base64), made by the secrets-vault on first use and kept encrypted like
 * every secret value, so the executor and the product's view read the same one.
 */
export class WebhookForwardingSecretRequest extends WorkspaceScopedRequest {
  @IsTag()
  product!: string;

  @IsTag()
  webhook!: string;
}

/** Reply of `secrets.webhook-forwarding-secret.ensure` and body of `GET …/webhooks/:webhook/forwarding-secret`. */
export interface WebhookForwardingSecretView {
  /** `whsec_…`: give it to a Standard Webhooks verifier to check that a forwarded event came from Switchboard. */
  secret: string;
  created_at: string;
}
