import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';
import type { AddConnectedAppInput, ConnectedApp, Connection, UpdateConnectedAppInput } from './types.js';

/** Apps connected to the selected product: `switchboard.product.app` (alias `product.apps`). */
export class ConnectedAppsClient {
  readonly #http: HttpClient;
  // Read on every call rather than captured, so a later product.init switches product for this client too.
  readonly #selectedProduct: () => string;

  constructor(http: HttpClient, selectedProduct: () => string) {
    this.#http = http;
    this.#selectedProduct = selectedProduct;
  }

  /** Connects an app to the product and resolves with the access tag the gateway suggests for it. */
  async connect(app: string): Promise<string> {
    const reply = await this.#http.request<{ access_tag?: unknown } | undefined>('POST', `${this.#productPath()}/connect`, { app });
    if (typeof reply?.access_tag !== 'string') {
      throw new SwitchboardError({
        code: SdkErrorCode.InvalidResponse,
        message: 'The connect reply carries no access_tag',
        // The gateway answers connect with 200 (see the REST contract).
        status: 200,
      });
    }
    return reply.access_tag;
  }

  /** Adds a connection: the app under an access tag, configured per product environment. */
  async add(input: AddConnectedAppInput): Promise<ConnectedApp> {
    return await this.#http.request<ConnectedApp>('POST', `${this.#productPath()}/connections`, input);
  }

  /** Lists the product's connected apps. */
  async fetchAll(): Promise<ConnectedApp[]> {
    return await this.#http.request<ConnectedApp[]>('GET', `${this.#productPath()}/connections`);
  }

  /** Fetches one connected app by access tag. */
  async fetch(accessTag: string): Promise<ConnectedApp> {
    return await this.#http.request<ConnectedApp>('GET', this.#connectionPath(accessTag));
  }

  /** Disconnects an app from the product; its run records stay readable. Answers the connection as it was. */
  async delete(accessTag: string): Promise<Connection> {
    return await this.#http.request<Connection>('DELETE', this.#connectionPath(accessTag));
  }

  /** Replaces the listed environments of a connected app, keeping the others. */
  async update(accessTag: string, input: UpdateConnectedAppInput): Promise<ConnectedApp> {
    return await this.#http.request<ConnectedApp>('PATCH', this.#connectionPath(accessTag), { envs: input.envs });
  }

  #productPath(): string {
    return `/v1/products/${encodePathSegment('product', this.#selectedProduct())}`;
  }

  #connectionPath(accessTag: string): string {
    return `${this.#productPath()}/connections/${encodePathSegment('access_tag', accessTag)}`;
  }
}

