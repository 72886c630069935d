import { Injectable } from '@nestjs/common';
import { ErrorCode, WebhookDeliveryMessage } from '@switchboard/contracts';
import { MESSAGE_ENVELOPE_LEVELS, toErrorBody, validatePayload } from '@switchboard/platform';
import { signStandardWebhook } from '@switchboard/webhook-signatures';
import { PinoLogger } from 'nestjs-pino';
import { whileWorkingOn, type StreamDelivery } from '../jetstream/stream-delivery.js';
import { OutboundClient } from '../outbound/outbound-client.js';
import { backoffDelayMs } from '../outbound/retry-policy.js';
import { decideAfterDelivery, type DeliveryOutcome, type DeliverySchedule, type SettledDecision } from './delivery-decision.js';
import { ForwardingSecrets } from './forwarding-secrets.js';
import { WebhookEventStore, type DeliveryFailure, type QueuedEvent } from './webhook-event.store.js';
import { retryWaitsOf, WebhooksConfig } from './webhooks.config.js';
import { WebhookMetrics } from './webhook-metrics.js';

// The product's answer is not kept: only its status matters, so a little of its body is read and the rest refused.
const ANSWER_BODY_MAX_BYTES = 64 * 1024;
// Failures that another attempt would meet again: the address policy refused the forward URL, or it is not http(s).
const FINAL_FAILURES: ReadonlySet<string> = new Set([ErrorCode.OutboundAddressRefused, ErrorCode.ValidationFailed]);
// Hand-back waits when the event's state could not be read or recorded (the database or the vault failed).
const HAND_BACK_BACKOFF = { baseMs: 1000, capMs: 60_000 };

/**
 * Delivers one event: posts its raw body, with its original Content-Type, to the forward URL through the executor's
 * outbound client and address policy, signed by Switchboard with Standard Webhooks (`webhook-id` is the event id, the
 * same on every attempt, so the product can drop a repeat). The attempt is counted before it is sent and recorded,
 * with the event's next state, before the message is acknowledged, retried later or terminated: an executor dying at
 * any point leaves the message to be delivered again, and a delivered event is never sent again by a redelivery.
 */
@Injectable()
export class WebhookDeliveryHandler {
  readonly #schedule: DeliverySchedule;

  constructor(
    private readonly store: WebhookEventStore,
    private readonly secrets: ForwardingSecrets,
    private readonly outbound: OutboundClient,
    private readonly config: WebhooksConfig,
    private readonly logger: PinoLogger,
    private readonly metrics: WebhookMetrics,
  ) {
    this.#schedule = { retryWaitsMs: retryWaitsOf(config), retryAfterCapMs: config.WEBHOOK_RETRY_AFTER_MAX_MS };
    logger.setContext('webhooks');
  }

  /** Never rejects: whatever goes wrong ends in an ack, a nak or a term of the message. */
  async handle(delivery: StreamDelivery): Promise<void> {
    try {
      await whileWorkingOn(delivery, this.config.WEBHOOK_DELIVERY_ACK_WAIT_MS, () => this.#handle(delivery));
    } catch (error) {
      const delayMs = backoffDelayMs(delivery.info.deliveryCount, HAND_BACK_BACKOFF);
      this.logger.error({ err: error, stream_seq: delivery.seq, retry_in_ms: delayMs }, 'webhook delivery could not be read or recorded; handed back');
      delivery.nak(delayMs);
    }
  }

  async #handle(delivery: StreamDelivery): Promise<void> {
    const message = await this.#read(delivery);
    if (message === undefined) return;
    const log = { event_id: message.event_id, workspace_id: message.workspace_id, delivery: delivery.info.deliveryCount };

    const event = await this.store.queued(message.workspace_id, message.event_id);
    if (event === undefined || event.forward_url === null || event.replays !== (message.replay ?? 0)) {
      // Delivered or dead-lettered already (the acknowledgement was lost), never stored, or a late copy of another
      // round's message while a replay is under way: nothing to send.
      delivery.ack();
      return;
    }
    const maxAttempts = this.#schedule.retryWaitsMs.length + 1;
    if (event.attempts >= maxAttempts) {
      await this.store.deadLetterUnfinished(event.id, {
        code: ErrorCode.ServiceUnavailable,
        message: `Attempt ${event.attempts} of ${maxAttempts} did not finish: the executor delivering it stopped or stopped answering`,
      });
      this.logger.warn(log, 'webhook event dead-lettered: its last attempt never finished');
      delivery.term('attempts exhausted');
      return;
    }
    if (await this.store.holdIfTargetDisabled(event)) {
      this.logger.info(log, 'webhook event held: its forward target is disabled');
      delivery.ack();
      return;
    }
    // Read before the attempt is counted: a vault that does not answer costs a delivery, not an attempt.
    const secrets = await this.secrets.of(event.workspace_id, event.product, event.webhook);
    const attempt = await this.store.startAttempt(event.workspace_id, event.id);
    if (attempt === undefined) {
      delivery.ack();
      return;
    }

    const startedAt = new Date();
    const started = performance.now();
    const { outcome, failure } = await this.#forward(event, event.forward_url, secrets);
    const decision = await this.store.endAttempt(
      {
        event_id: event.id,
        replay: event.replays,
        attempt,
        started_at: startedAt,
        duration_ms: Math.round(performance.now() - started),
        http_status: outcome.kind === 'answered' ? outcome.status : null,
        error_code: failure?.code ?? null,
        error_message: failure?.message ?? null,
      },
      event,
      decideAfterDelivery(outcome, attempt, this.#schedule),
      failure,
    );
    this.#settle(delivery, decision, { ...log, attempt, http_status: outcome.kind === 'answered' ? outcome.status : undefined, code: failure?.code });
  }

  async #forward(event: QueuedEvent, forwardUrl: string, secrets: readonly string[]): Promise<{ outcome: DeliveryOutcome; failure?: DeliveryFailure }> {
    const signature = signStandardWebhook({ secret: secrets, id: event.id, timestamp: Math.floor(Date.now() / 1000), body: event.body });
    const timeoutMs = this.config.WEBHOOK_DELIVERY_TIMEOUT_MS;
    try {
      const answer = await this.outbound.send({
        method: 'POST',
        url: new URL(forwardUrl),
        headers: { ...signature, 'content-type': event.headers['content-type'] ?? 'application/octet-stream', 'user-agent': 'Switchboard-Webhooks' },
        body: event.body,
        // One request per attempt: the schedule, not the client, spaces the retries.
        maxAttempts: 1,
        timeouts: { connectMs: timeoutMs, headersMs: timeoutMs, bodyMs: timeoutMs },
        maxResponseBytes: ANSWER_BODY_MAX_BYTES,
      });
      const outcome: DeliveryOutcome = { kind: 'answered', status: answer.status, ...(answer.headers['retry-after'] === undefined ? {} : { retryAfter: answer.headers['retry-after'] }) };
      return answer.status >= 200 && answer.status <= 299 ? { outcome } : { outcome, failure: { code: null, message: `The forward URL answered ${answer.status}` } };
    } catch (error) {
      const body = toErrorBody(error);
      if (body.code === ErrorCode.InternalError) this.logger.error({ err: error, event_id: event.id }, 'forwarding a webhook event failed unexpectedly');
      return { outcome: { kind: 'failed', final: FINAL_FAILURES.has(body.code) }, failure: { code: body.code, message: body.message } };
    }
  }

  #settle(delivery: StreamDelivery, decision: SettledDecision, log: object): void {
    this.metrics.attempted(decision);
    switch (decision.action) {
      case 'delivered':
        this.logger.debug(log, 'webhook event delivered');
        delivery.ack();
        return;
      case 'retry':
        this.logger.info({ ...log, retry_in_ms: decision.delayMs }, 'webhook delivery attempt failed; retrying');
        delivery.nak(decision.delayMs);
        return;
      case 'dead_letter':
        this.logger.warn(log, 'webhook event dead-lettered');
        delivery.term('attempts exhausted');
        return;
      case 'hold':
        this.logger.warn(log, 'webhook delivery attempt failed and its forward target is disabled; event held');
        delivery.ack();
        return;
    }
  }

  // A message that is not a delivery can never succeed: terminated, so it neither blocks the stream nor comes back.
  async #read(delivery: StreamDelivery): Promise<WebhookDeliveryMessage | undefined> {
    try {
      return await validatePayload(WebhookDeliveryMessage, delivery.json<unknown>(), MESSAGE_ENVELOPE_LEVELS);
    } catch (error) {
      this.logger.error({ stream_seq: delivery.seq, error: toErrorBody(error).details }, 'webhook delivery stream message is not a delivery; terminated');
      delivery.term('not a webhook delivery');
      return undefined;
    }
  }
}
