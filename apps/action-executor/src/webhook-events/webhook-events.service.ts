import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  Subjects,
  WEBHOOK_BULK_REPLAY_MAX_EVENTS,
  WEBHOOK_REPLAYABLE_STATUSES,
  type ListWebhookEventsRequest,
  type ReplayWebhookEventsRequest,
  type WebhookDefinition,
  type WebhookEventRequest,
  type WebhookEventsReplayed,
  type WebhookEventSummary,
  type WebhookEventView,
  type WebhookTagRequest,
} from '@switchboard/contracts';
import { DomainError, NatsRequester } from '@switchboard/platform';
import { WebhookDeliveryEnqueuer } from '../webhooks/webhook-delivery-enqueuer.js';
import { WebhookEventLogStore, type ReplayedRound, type WebhookKey } from './webhook-event-log.store.js';
import { summaryOf, viewOf } from './webhook-event-views.js';

// Publishes of a bulk replay under way at once: enough to queue a thousand events well within a request's timeout.
const PUBLISH_CONCURRENCY = 50;

/**
 * The events API over what the executor received: list, fetch, and replay one or many. Each call first asks the
 * connection service for the webhook, so a tag the product does not have (another product's, another workspace's)
 * is `webhook_not_found` whatever events exist, and a replay goes to the webhook's forward URL as it is now.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly nats: NatsRequester,
    private readonly store: WebhookEventLogStore,
    private readonly deliveries: WebhookDeliveryEnqueuer,
  ) {}

  async list(request: ListWebhookEventsRequest): Promise<WebhookEventSummary[]> {
    const { key } = await this.#webhookOf(request);
    return (await this.store.list(key, request.query)).map(summaryOf);
  }

  async fetch(request: WebhookEventRequest): Promise<WebhookEventView> {
    const { key } = await this.#webhookOf(request);
    const event = await this.store.fetch(key, request.event_id);
    if (event === undefined) throw notFound(request);
    return viewOf(event);
  }

  /** Queues the event again for the webhook's forward URL, with the same `webhook-id`; answers it as it now is. */
  async replay(request: WebhookEventRequest): Promise<WebhookEventSummary> {
    const { key, forwardUrl } = await this.#forwardingWebhookOf(request);
    const replayed = await this.store.replay(key, request.event_id, forwardUrl, WEBHOOK_REPLAYABLE_STATUSES);
    if (replayed === undefined) throw notFound(request);
    if (replayed.round === undefined) throw notReplayable(request, replayed.status);
    await this.#enqueue(key, [replayed.round]);
    return summaryOf(replayed.queued);
  }

  /** Queues again the events matching the filter, dead-lettered ones unless told otherwise, up to the cap. */
  async replayMany(request: ReplayWebhookEventsRequest): Promise<WebhookEventsReplayed> {
    const { key, forwardUrl } = await this.#forwardingWebhookOf(request);
    const { rounds, more } = await this.store.replayMatching(key, { ...request.filter, status: request.filter.status ?? 'dead_lettered' }, forwardUrl, WEBHOOK_BULK_REPLAY_MAX_EVENTS);
    await this.#enqueue(key, rounds);
    return { replayed: rounds.length, more };
  }

  async #webhookOf(request: WebhookTagRequest): Promise<{ key: WebhookKey; webhook: WebhookDefinition }> {
    const webhook = await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookFetch, {
      workspace_id: request.workspace_id,
      product_tag: request.product_tag,
      webhook_tag: request.webhook_tag,
    });
    return { key: { workspaceId: request.workspace_id, product: webhook.product, webhook: webhook.tag }, webhook };
  }

  async #forwardingWebhookOf(request: WebhookTagRequest): Promise<{ key: WebhookKey; forwardUrl: string }> {
    const { key, webhook } = await this.#webhookOf(request);
    if (webhook.forward_url === null) {
      throw new DomainError(
        ErrorCode.WebhookForwardUrlMissing,
        `Webhook '${webhook.tag}' has no forward_url, so there is nowhere to deliver its events: set one, or pull them with events.list`,
        { webhook: webhook.tag, product: webhook.product },
      );
    }
    return { key, forwardUrl: webhook.forward_url };
  }

  // Publishing is after the commit: a publish that fails leaves the round to the sweeper.
  async #enqueue(key: WebhookKey, rounds: readonly ReplayedRound[]): Promise<void> {
    for (let start = 0; start < rounds.length; start += PUBLISH_CONCURRENCY) {
      await Promise.all(
        rounds.slice(start, start + PUBLISH_CONCURRENCY).map((round) => this.deliveries.enqueue({ workspace_id: key.workspaceId, event_id: round.id, replay: round.replays })),
      );
    }
  }
}

function notFound(request: WebhookEventRequest): DomainError {
  return new DomainError(ErrorCode.WebhookEventNotFound, `Webhook '${request.webhook_tag}' has no event '${request.event_id}'`, {
    webhook: request.webhook_tag,
    event_id: request.event_id,
  });
}

function notReplayable(request: WebhookEventRequest, status: string): DomainError {
  const why =
    status === 'refused'
      ? 'it was refused at receipt (its signature, timestamp or signing secret failed), and a refused receipt is never delivered'
      : 'it is already waiting for delivery; replay it once it is delivered or dead-lettered';
  return new DomainError(ErrorCode.WebhookEventNotReplayable, `Event '${request.event_id}' cannot be replayed: ${why}`, {
    event_id: request.event_id,
    status,
  });
}
