import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  WEBHOOK_BULK_REPLAY_MAX_EVENTS,
  WEBHOOK_REPLAYABLE_STATUSES,
  type ListWebhookEventsRequest,
  type ReplayWebhookEventsRequest,
  type WebhookEventRequest,
  type WebhookEventsReplayed,
  type WebhookEventSummary,
  type WebhookEventView,
} from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { WebhookDeliveryEnqueuer } from '../webhooks/webhook-delivery-enqueuer.js';
import { WebhookEventLogStore } from './webhook-event-log.store.js';
import { summaryOf, viewOf } from './webhook-event-views.js';
import { WebhookLookup } from './webhook-lookup.js';

/**
 * The events API over what the executor received: list, fetch, and replay one or many. Each call first asks the
 * connection service for the webhook, so a tag the product does not have (another product's, another workspace's)
 * is `webhook_not_found` whatever events exist, and a replay goes to the webhook's forward URL as it is now.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly webhooks: WebhookLookup,
    private readonly store: WebhookEventLogStore,
    private readonly deliveries: WebhookDeliveryEnqueuer,
  ) {}

  async list(request: ListWebhookEventsRequest): Promise<WebhookEventSummary[]> {
    const { key } = await this.webhooks.of(request);
    return (await this.store.list(key, request.query)).map(summaryOf);
  }

  async fetch(request: WebhookEventRequest): Promise<WebhookEventView> {
    const { key } = await this.webhooks.of(request);
    const event = await this.store.fetch(key, request.event_id);
    if (event === undefined) throw notFound(request);
    return viewOf(event);
  }

  /** Queues the event again for the webhook's forward URL, with the same `webhook-id`; answers it as it now is. */
  async replay(request: WebhookEventRequest): Promise<WebhookEventSummary> {
    const { key, forwardUrl } = await this.webhooks.forwarding(request);
    const replayed = await this.store.replay(key, request.event_id, forwardUrl, WEBHOOK_REPLAYABLE_STATUSES);
    if (replayed === undefined) throw notFound(request);
    if (replayed.round === undefined) throw notReplayable(request, replayed.status);
    await this.deliveries.enqueueRounds(key.workspaceId, [replayed.round]);
    return summaryOf(replayed.queued);
  }

  /** Queues again the events matching the filter, dead-lettered ones unless told otherwise, up to the cap. */
  async replayMany(request: ReplayWebhookEventsRequest): Promise<WebhookEventsReplayed> {
    const { key, forwardUrl } = await this.webhooks.forwarding(request);
    const { rounds, more } = await this.store.replayMatching(key, { ...request.filter, status: request.filter.status ?? 'dead_lettered' }, forwardUrl, WEBHOOK_BULK_REPLAY_MAX_EVENTS);
    await this.deliveries.enqueueRounds(key.workspaceId, rounds);
    return { replayed: rounds.length, more };
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
      : status === 'held'
        ? "it is held while the webhook's forward target is disabled; enabling the webhook delivers it"
        : 'it is already waiting for delivery; replay it once it is delivered or dead-lettered';
  return new DomainError(ErrorCode.WebhookEventNotReplayable, `Event '${request.event_id}' cannot be replayed: ${why}`, {
    event_id: request.event_id,
    status,
  });
}
