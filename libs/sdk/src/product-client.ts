import { ConnectedAppsClient } from './connected-apps-client.js';
import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';
import type { Product, ProductInput, UpdateProductInput } from './types.js';
import { WebhooksClient } from './webhooks-client.js';

/** Products of the workspace and the one selected for product-scoped calls: `switchboard.product`. */
export class ProductClient {
  /** Apps connected to the selected product. */
  readonly app: ConnectedAppsClient;
  /** The same client as `app`; the docs use both spellings. */
  readonly apps: ConnectedAppsClient;
  /** Signed inbound webhooks of the selected product, or of the product a call names. */
  readonly webhooks: WebhooksClient;
  readonly #http: HttpClient;
  #selectedTag: string | undefined;

  constructor(http: HttpClient) {
    this.#http = http;
    this.app = new ConnectedAppsClient(http, () => this.#requireSelected());
    this.apps = this.app;
    this.webhooks = new WebhooksClient(http, () => this.#requireSelected());
  }

  /** Tag of the product chosen by the last successful `init`, if any. */
  get selected(): string | undefined {
    return this.#selectedTag;
  }

  /** Creates the product if absent (`input` only applies then) and selects it; safe to call again. */
  async init(tag: string, input: ProductInput = {}): Promise<Product> {
    const product = await this.#http.request<Product>('PUT', productPath(tag), input);
    // Selected only once the gateway confirmed the product, so a failed init never leaves a dangling choice.
    this.#selectedTag = tag;
    return product;
  }

  /** Fetches a product by tag, the selected one by default. */
  async fetch(tag?: string): Promise<Product> {
    return await this.#http.request<Product>('GET', productPath(tag ?? this.#requireSelected()));
  }

  /**
   * Changes a product, the selected one by default: `name`, `description`, `add_envs` appended, `envs` renamed
   * (`new_slug`, refused with `product_env_in_use` while a connection maps the env) or (de)activated by slug.
   */
  async update(changes: UpdateProductInput, tag?: string): Promise<Product> {
    return await this.#http.request<Product>('PATCH', productPath(tag ?? this.#requireSelected()), changes);
  }

  /**
   * Deletes a product, the selected one by default, and answers it as it was; refused with `product_in_use` (naming
   * its access tags) while it has connections. Deleting the selected product leaves none selected.
   */
  async delete(tag?: string): Promise<Product> {
    const target = tag ?? this.#requireSelected();
    const product = await this.#http.request<Product>('DELETE', productPath(target));
    if (this.#selectedTag === target) this.#selectedTag = undefined;
    return product;
  }

  /**
   * The apps connected to product `tag`, whatever product is selected: for a client shared by callers that work on
   * different products at once (the workbench's pages), where `init`'s selection would race.
   */
  appsOf(tag: string): ConnectedAppsClient {
    return new ConnectedAppsClient(this.#http, () => tag);
  }

  /** Lists every product of the workspace. */
  async fetchAll(): Promise<Product[]> {
    return await this.#http.request<Product[]>('GET', '/v1/products');
  }

  #requireSelected(): string {
    if (this.#selectedTag === undefined) {
      throw new SwitchboardError({
        code: SdkErrorCode.ProductNotSelected,
        message: "No product selected: call product.init('<tag>') first",
      });
    }
    return this.#selectedTag;
  }
}

function productPath(tag: string): string {
  return `/v1/products/${encodePathSegment('product', tag)}`;
}
