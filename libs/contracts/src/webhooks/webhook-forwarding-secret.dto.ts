import { IsInt, Max, Min } from 'class-validator';
import { IsOmittable, IsTag } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/** How long the secret a rotation replaces still signs forwarded events, unless the rotation says otherwise: a day. */
export const WEBHOOK_FORWARDING_SECRET_DEFAULT_OVERLAP_SECONDS = 86_400;
/** The longest overlap a rotation may ask for: a week. */
export const WEBHOOK_FORWARDING_SECRET_MAX_OVERLAP_SECONDS = 604_800;

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

/**
 * Body of `POST /v1/products/:product/webhooks/:webhook/forwarding-secret/rotate`: how long the secret being replaced
 * still signs forwarded events beside the new one (0: not at all).
 */
export class RotateWebhookForwardingSecretBody {
  @IsOmittable()
  @Max(WEBHOOK_FORWARDING_SECRET_MAX_OVERLAP_SECONDS)
  @Min(0)
  @IsInt()
  overlap_seconds?: number;
}

/**
 * `secrets.webhook-forwarding-secret.rotate`: makes a new forwarding secret; the one it replaces keeps signing, beside
 * it, for `overlap_seconds`. Publishes `events.secrets.webhook-forwarding-secret.rotated`.
 */
export class RotateWebhookForwardingSecretRequest extends WebhookForwardingSecretRequest {
  @Max(WEBHOOK_FORWARDING_SECRET_MAX_OVERLAP_SECONDS)
  @Min(0)
  @IsInt()
  overlap_seconds!: number;
}

/** The secret a rotation replaced, while it still signs forwarded events beside the current one. */
export interface WebhookPreviousForwardingSecret {
  secret: string;
  /** From this instant forwarded events carry the current secret's signature only. */
  expires_at: string;
}

/**
 * Reply of `secrets.webhook-forwarding-secret.ensure` and `.rotate`, and body of
 * `GET …/webhooks/:webhook/forwarding-secret` and `POST …/forwarding-secret/rotate`.
 */
export interface WebhookForwardingSecretView {
  /** `whsec_…`: give it to a Standard Webhooks verifier to check that a forwarded event came from Switchboard. */
  secret: string;
  /** When this secret was made (at first use, or by the latest rotation). */
  created_at: string;
  /** During a rotation's overlap, the secret it replaced: events are signed with both until `expires_at`; else `null`. */
  previous: WebhookPreviousForwardingSecret | null;
}
