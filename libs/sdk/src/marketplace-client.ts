import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { App, AppTemplateUpdatePreview, MarketplaceListQuery, MarketplacePublishInput, MarketplaceTemplateList, MarketplaceTemplateView } from './types.js';

/** The app marketplace: `switchboard.marketplace`. */
export class MarketplaceClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Lists templates (50 a page by default), optionally of one category, with the count of each category. */
  async list(query: MarketplaceListQuery = {}): Promise<MarketplaceTemplateList> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params.set(name, String(value));
    }
    const suffix = params.size > 0 ? `?${params.toString()}` : '';
    return await this.#http.request<MarketplaceTemplateList>('GET', `/v1/marketplace/apps${suffix}`);
  }

  /** Lists the templates whose tag, name, description or category contain `text`. */
  async search(text: string, query: Omit<MarketplaceListQuery, 'search'> = {}): Promise<MarketplaceTemplateList> {
    return await this.list({ ...query, search: text });
  }

  /** Fetches one template with the envs, auth schemes and actions it installs. */
  async fetch(tag: string): Promise<MarketplaceTemplateView> {
    return await this.#http.request<MarketplaceTemplateView>('GET', `/v1/marketplace/apps/${encodePathSegment('tag', tag)}`);
  }

  /** Installs a template as a workspace app, tagged `options.tag` or the template's tag. */
  async install(tag: string, options: { tag?: string } = {}): Promise<App> {
    return await this.#http.request<App>('POST', `/v1/marketplace/apps/${encodePathSegment('tag', tag)}/install`, options);
  }

  /** Publishes a workspace app to the workspace's private listing (other workspaces never see it). */
  async publish(appTag: string, listing: MarketplacePublishInput): Promise<MarketplaceTemplateView> {
    return await this.#http.request<MarketplaceTemplateView>('POST', `/v1/apps/${encodePathSegment('app', appTag)}/publish`, listing);
  }

  /** What updating an installed app to its template's newest version would add, change and remove. */
  async previewUpdate(appTag: string): Promise<AppTemplateUpdatePreview> {
    return await this.#http.request<AppTemplateUpdatePreview>('GET', `/v1/apps/${encodePathSegment('app', appTag)}/template-update`);
  }

  /** Updates an installed app to its template's newest version. */
  async applyUpdate(appTag: string): Promise<App> {
    return await this.#http.request<App>('POST', `/v1/apps/${encodePathSegment('app', appTag)}/template-update`, {});
  }
}
