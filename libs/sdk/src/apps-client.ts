import { AppImportsClient } from './app-imports-client.js';
import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { App, AppAction, AppListItem, CreateAppInput, UpdateAppInput } from './types.js';

/** The workspace app catalog: `switchboard.app`. */
export class AppsClient {
  readonly #http: HttpClient;
  /** Apps from API documents: `preview` then `commit`. */
  readonly import: AppImportsClient;
  /** One action of an app whole, schemas included: `fetch(app, action)`. */
  readonly actions: AppActionsClient;

  constructor(http: HttpClient) {
    this.#http = http;
    this.import = new AppImportsClient(http);
    this.actions = new AppActionsClient(http);
  }

  /** Registers an app with its environments and actions. */
  async create(input: CreateAppInput): Promise<App> {
    return await this.#http.request<App>('POST', '/v1/apps', input);
  }

  /** Fetches one app by tag, its actions as summaries (`app.actions.fetch` gives one whole). */
  async fetch(tag: string): Promise<App> {
    return await this.#http.request<App>('GET', `/v1/apps/${encodePathSegment('tag', tag)}`);
  }

  /** Lists every app of the workspace, each with its `action_count` instead of its actions. */
  async fetchAll(): Promise<AppListItem[]> {
    return await this.#http.request<AppListItem[]>('GET', '/v1/apps');
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

/** The actions of an app, one whole at a time: `switchboard.app.actions`. */
export class AppActionsClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Fetches one action of an app with its description and JSON Schemas; `action_not_found` when the app lacks it. */
  async fetch(appTag: string, actionTag: string): Promise<AppAction> {
    return await this.#http.request<AppAction>('GET', `/v1/apps/${encodePathSegment('appTag', appTag)}/actions/${encodePathSegment('actionTag', actionTag)}`);
  }
}
