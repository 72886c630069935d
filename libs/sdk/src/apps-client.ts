import { AppImportsClient } from './app-imports-client.js';
import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { App, CreateAppInput, UpdateAppInput } from './types.js';

/** The workspace app catalog: `switchboard.app`. */
export class AppsClient {
  readonly #http: HttpClient;
  /** Apps from API documents: `preview` then `commit`. */
  readonly import: AppImportsClient;

  constructor(http: HttpClient) {
    this.#http = http;
    this.import = new AppImportsClient(http);
  }

  /** Registers an app with its environments and actions. */
  async create(input: CreateAppInput): Promise<App> {
    return await this.#http.request<App>('POST', '/v1/apps', input);
  }

  /** Fetches one app by tag. */
  async fetch(tag: string): Promise<App> {
    return await this.#http.request<App>('GET', `/v1/apps/${encodePathSegment('tag', tag)}`);
  }

  /** Lists every app of the workspace. */
  async fetchAll(): Promise<App[]> {
    return await this.#http.request<App[]>('GET', '/v1/apps');
  }

  /** Changes an app: only the fields given; envs, actions and auth schemes listed replace those of their slug or tag. */
  async update(tag: string, changes: UpdateAppInput): Promise<App> {
    return await this.#http.request<App>('PATCH', `/v1/apps/${encodePathSegment('tag', tag)}`, changes);
  }

  /** Deletes an app; refused with `app_in_use` (naming the products and access tags) while products connect it. */
  async delete(tag: string): Promise<App> {
    return await this.#http.request<App>('DELETE', `/v1/apps/${encodePathSegment('tag', tag)}`);
  }
}
