import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { CreateWebhookInput, RotateForwardingSecretInput, UpdateWebhookInput, Webhook, WebhookForwardingSecret, WebhookTargetEnabled } from './types.js';
import { WebhookEventsClient } from './webhook-events-client.js';

/**
 * Webhooks of a product: `switchboard.product.webhooks`. Each call works on the selected product, or on the product
 * named by its last argument (for a client shared by callers working on several products at once, as the workbench).
 */
export class WebhooksClient {
  readonly #http: HttpClient;
  // Read on every call rather than captured, so a later product.init switches product for this client too.
  readonly #selectedProduct: () => string;
  /** The events each webhook received: list, fetch, replay. */
  readonly events: WebhookEventsClient;

  constructor(http: HttpClient, selectedProduct: () => string) {
    this.#http = http;
    this.#selectedProduct = selectedProduct;
    this.events = new WebhookEventsClient(http, selectedProduct);
  }

  /**
   * Creates a webhook with a receive URL per env (every env of the product unless `envs` names some).
   * `signing_secret` must be a secret reference such as `$Token{GITHUB_WEBHOOK_SECRET}`: a pasted secret is refused
   * with `signing_secret_not_reference`.
   */
  async create(input: CreateWebhookInput, productTag?: string): Promise<Webhook> {
    return await this.#http.request<Webhook>('POST', this.#webhooksPath(productTag), input);
  }

  /** Lists the product's webhooks with their receive URLs. */
  async fetchAll(productTag?: string): Promise<Webhook[]> {
    return await this.#http.request<Webhook[]>('GET', this.#webhooksPath(productTag));
  }

  /** Fetches one webhook by tag. */
  async fetch(tag: string, productTag?: string): Promise<Webhook> {
    return await this.#http.request<Webhook>('GET', this.#webhookPath(tag, productTag));
  }

  /**
   * Changes the fields given (the tag stays); `app` and `forward_url` may be `null` to remove them. Envs kept keep
   * their receive URLs; envs dropped lose theirs for good.
   */
  async update(tag: string, changes: UpdateWebhookInput, productTag?: string): Promise<Webhook> {
    return await this.#http.request<Webhook>('PATCH', this.#webhookPath(tag, productTag), changes);
  }

  /** Deletes a webhook and answers it as it was; its receive URLs answer 404 from then on. */
  async delete(tag: string, productTag?: string): Promise<Webhook> {
    return await this.#http.request<Webhook>('DELETE', this.#webhookPath(tag, productTag));
  }

  /**
   * The `whsec_…` secret Switchboard signs this webhook's forwarded events with (Standard Webhooks: `webhook-id`,
   * `webhook-timestamp`, `webhook-signature`): give it to the verifier of the endpoint at `forward_url`.
   */
  async forwardingSecret(tag: string, productTag?: string): Promise<WebhookForwardingSecret> {
    return await this.#http.request<WebhookForwardingSecret>('GET', `${this.#webhookPath(tag, productTag)}/forwarding-secret`);
  }

  /**
   * Makes a new forwarding secret. For `overlap_seconds` (a day unless given) forwarded events carry a signature with
   * each secret, so the endpoint can switch to the new one meanwhile; then the new one's only.
   */
  async rotateForwardingSecret(tag: string, input: RotateForwardingSecretInput = {}, productTag?: string): Promise<WebhookForwardingSecret> {
    return await this.#http.request<WebhookForwardingSecret>('POST', `${this.#webhookPath(tag, productTag)}/forwarding-secret/rotate`, input);
  }

  /**
   * Enables delivery to the webhook's forward URL again after it was disabled for failing too long (`delivery.state`
   * `disabled`): the events held meanwhile are queued, each delivered once.
   */
  async enable(tag: string, productTag?: string): Promise<WebhookTargetEnabled> {
    return await this.#http.request<WebhookTargetEnabled>('POST', `${this.#webhookPath(tag, productTag)}/enable`);
  }

  #webhooksPath(productTag: string | undefined): string {
    return `/v1/products/${encodePathSegment('product', productTag ?? this.#selectedProduct())}/webhooks`;
  }

  #webhookPath(tag: string, productTag: string | undefined): string {
    return `${this.#webhooksPath(productTag)}/${encodePathSegment('webhook', tag)}`;
  }
}
