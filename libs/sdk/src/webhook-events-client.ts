import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { ReplayWebhookEventsFilter, WebhookEvent, WebhookEventFilters, WebhookEventsReplayed, WebhookEventSummary } from './types.js';

/**
 * Events a webhook received: `switchboard.product.webhooks.events`. Each call works on the selected product, or on
 * the product named by its last argument, like the other webhook calls.
 */
export class WebhookEventsClient {
  readonly #http: HttpClient;
  readonly #selectedProduct: () => string;

  constructor(http: HttpClient, selectedProduct: () => string) {
    this.#http = http;
    this.#selectedProduct = selectedProduct;
  }

  /**
   * Events without their bodies, newest first: pass the last one's `received_at` as `before` for the next page. To
   * pull a webhook's events (one without `forward_url`), pass `after_sequence` (0 at first, then the last event's
   * `sequence`): oldest first, each event once, none skipped.
   */
  async list(webhookTag: string, filters: WebhookEventFilters = {}, productTag?: string): Promise<WebhookEventSummary[]> {
    const query = new URLSearchParams();
    for (const name of ['status', 'env', 'limit', 'before', 'after', 'after_sequence'] as const) {
      const value = filters[name];
      if (value !== undefined) query.set(name, String(value));
    }
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return await this.#http.request<WebhookEventSummary[]>('GET', `${this.#eventsPath(webhookTag, productTag)}${suffix}`);
  }

  /** One event with its headers, its raw body (text when UTF-8, else base64: `body_encoding` says) and its delivery attempts. */
  async fetch(webhookTag: string, eventId: string, productTag?: string): Promise<WebhookEvent> {
    return await this.#http.request<WebhookEvent>('GET', this.#eventPath(webhookTag, eventId, productTag));
  }

  /**
   * Queues a stored, delivered or dead-lettered event again for the webhook's forward URL, with the same
   * `webhook-id` so the product can drop a repeat; its attempts count afresh, the earlier ones stay recorded.
   */
  async replay(webhookTag: string, eventId: string, productTag?: string): Promise<WebhookEventSummary> {
    return await this.#http.request<WebhookEventSummary>('POST', `${this.#eventPath(webhookTag, eventId, productTag)}/replay`);
  }

  /**
   * Queues again every event matching the filter (dead-lettered ones unless `status` says otherwise), oldest first,
   * up to 1000 per call: `more` says to call again.
   */
  async replayAll(webhookTag: string, filter: ReplayWebhookEventsFilter = {}, productTag?: string): Promise<WebhookEventsReplayed> {
    return await this.#http.request<WebhookEventsReplayed>('POST', `${this.#eventsPath(webhookTag, productTag)}/replay`, filter);
  }

  #eventsPath(webhookTag: string, productTag: string | undefined): string {
    const product = encodePathSegment('product', productTag ?? this.#selectedProduct());
    return `/v1/products/${product}/webhooks/${encodePathSegment('webhook', webhookTag)}/events`;
  }

  #eventPath(webhookTag: string, eventId: string, productTag: string | undefined): string {
    return `${this.#eventsPath(webhookTag, productTag)}/${encodePathSegment('event_id', eventId)}`;
  }
}
