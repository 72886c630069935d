import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Subjects,
  WEBHOOK_RECEIVE_NOT_FOUND_MESSAGE,
  type ResolvedSecretsReply,
  type WebhookReceiptReply,
  type WebhookReceiptRequest,
  type WebhookReceiveTarget,
} from '@switchboard/contracts';
import { DomainError, NatsRequester } from '@switchboard/platform';
import { verifyWebhook, type WebhookVerification } from '@switchboard/webhook-signatures';
import { PinoLogger } from 'nestjs-pino';
import { WebhookReceiveTargetCache } from '../cache/webhook-receive-target.cache.js';
import { RunSecrets, type SecretUseSite } from '../runs/run-secrets.js';
import { WebhookDeliveryEnqueuer } from './webhook-delivery-enqueuer.js';
import type { WebhookEventEntity } from './webhook-event.entity.js';
import { WebhookEventStore } from './webhook-event.store.js';
import { WebhooksConfig } from './webhooks.config.js';

// The secrets service's refusals of a reference: the seed's messages, which go into the event record.
const SECRET_REFUSALS: ReadonlySet<string> = new Set([ErrorCode.SecretNotFound, ErrorCode.SecretNotInScope, ErrorCode.SecretNotInEnv, ErrorCode.SecretExpired]);

// What the sender is told. Fixed texts: which check failed, or why, would help someone forging requests.
const SIGNATURE_INVALID = 'The webhook signature is missing or does not match';
const TIMESTAMP_STALE = "The webhook's signed timestamp is outside the accepted window";
const SECRET_UNAVAILABLE = 'The webhook cannot verify signatures at the moment';

/**
 * Receives what a sender posted to a receive URL: finds its webhook, resolves the signing secret with the same checks,
 * cache and audit as a run, verifies the signature over the raw bytes, refuses replays, and stores the event before
 * answering, so the sender's 2xx always means stored. Accepted events with a forward URL are then published to the
 * delivery stream; one whose publish fails is queued by the sweeper, so storing is the only step the answer waits on.
 */
@Injectable()
export class WebhookReceiver {
  constructor(
    private readonly nats: NatsRequester,
    private readonly targets: WebhookReceiveTargetCache,
    private readonly secrets: RunSecrets,
    private readonly store: WebhookEventStore,
    private readonly deliveries: WebhookDeliveryEnqueuer,
    private readonly config: WebhooksConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('webhooks');
  }

  async receive(receipt: WebhookReceiptRequest): Promise<WebhookReceiptReply> {
    const target = await this.#targetOf(receipt.receive_id);
    const eventId = `wev_${randomUUID()}`;
    const body = Buffer.from(receipt.body_base64, 'base64');
    const event = (changes: Pick<WebhookEventEntity, 'status' | 'verification'> & Partial<WebhookEventEntity>): WebhookEventEntity => ({
      id: eventId,
      workspace_id: target.workspace_id,
      product: target.product,
      webhook: target.webhook,
      env: target.env,
      receive_id: target.receive_id,
      error_code: null,
      error_message: null,
      sender_event_id: null,
      url: receipt.url,
      headers: receipt.headers,
      body,
      forward_url: target.forward_url,
      attempts: 0,
      replays: 0,
      received_at: new Date(),
      enqueued_at: null,
      next_attempt_at: null,
      delivered_at: null,
      ...changes,
    });

    const site = secretUseSiteOf(target);
    let secrets: ResolvedSecretsReply['secrets'];
    try {
      secrets = await this.secrets.resolve(target.workspace_id, [target.signing_secret_key], site, eventId);
    } catch (error) {
      if (!(error instanceof DomainError && SECRET_REFUSALS.has(error.code))) throw error;
      await this.store.insertRefused(
        event({
          status: 'refused',
          verification: { scheme: target.scheme, ok: false, reason: 'secret_unavailable', detail: error.code },
          error_code: ErrorCode.WebhookSecretUnavailable,
          error_message: error.message,
        }),
      );
      throw new DomainError(ErrorCode.WebhookSecretUnavailable, SECRET_UNAVAILABLE, {});
    }
    const secret = secrets[target.signing_secret_key];
    if (secret === undefined) throw new Error(`The secrets service resolved no value for ${target.signing_secret_key}`);

    const verification = verifyWebhook(target.scheme, {
      secret: secret.value,
      body,
      headers: receipt.headers,
      url: receipt.url,
      toleranceSeconds: target.tolerance_seconds,
      now: new Date(),
      hmac: target.hmac,
    });
    // The value was used to check this receipt, whatever the check found.
    this.secrets.reportUses(target.workspace_id, secrets, site, eventId);
    if (!verification.ok) {
      await this.store.insertRefused(
        event({
          status: 'refused',
          verification: { scheme: target.scheme, ok: false, reason: verification.reason, detail: verification.detail },
          error_code: refusalOf(verification),
          error_message: verification.detail,
        }),
      );
      throw refusalOf(verification) === ErrorCode.WebhookTimestampStale
        ? new DomainError(ErrorCode.WebhookTimestampStale, TIMESTAMP_STALE, {})
        : new DomainError(ErrorCode.WebhookSignatureInvalid, SIGNATURE_INVALID, {});
    }

    const accepted = event({
      status: target.forward_url === null ? 'stored' : 'queued',
      verification: { scheme: target.scheme, ok: true, ...(verification.timestamp === undefined ? {} : { timestamp: verification.timestamp }) },
      sender_event_id: verification.eventId ?? null,
    });
    const stored = await this.store.insertAccepted(accepted, this.config.WEBHOOK_REPLAY_WINDOW_DAYS);
    if (!stored.inserted) {
      this.logger.info({ workspace_id: target.workspace_id, webhook: target.webhook, event_id: stored.existingId }, 'webhook event received again; not delivered twice');
      return { event_id: stored.existingId, duplicate: true };
    }
    if (accepted.status === 'queued') await this.deliveries.enqueue({ workspace_id: target.workspace_id, event_id: eventId });
    return { event_id: eventId, duplicate: false };
  }

  async #targetOf(receiveId: string): Promise<WebhookReceiveTarget> {
    try {
      return await this.targets.getOrLoad(receiveId, () => this.nats.request<WebhookReceiveTarget>(Subjects.ConnectionWebhookResolveReceive, { receive_id: receiveId }));
    } catch (error) {
      // One answer for every id that names nothing, whatever the connection service's words.
      if (error instanceof DomainError && error.code === ErrorCode.WebhookNotFound) throw new DomainError(ErrorCode.WebhookNotFound, WEBHOOK_RECEIVE_NOT_FOUND_MESSAGE, {});
      throw error;
    }
  }
}

/**
 * Whom the signing secret is used by, for the vault's scope and env checks: the connection the webhook names, else
 * the webhook itself (its tag as app and access tag), so a secret scoped to other apps is refused for it.
 */
function secretUseSiteOf(target: WebhookReceiveTarget): SecretUseSite {
  if (target.app !== null && target.app_tag !== null) return { appTag: target.app_tag, accessTag: target.app, env: target.env };
  return { appTag: target.webhook, accessTag: target.webhook, env: target.env };
}

function refusalOf(verification: Extract<WebhookVerification, { ok: false }>): ErrorCode {
  return verification.reason === 'timestamp_stale' ? ErrorCode.WebhookTimestampStale : ErrorCode.WebhookSignatureInvalid;
}
