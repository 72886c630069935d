import type { HttpClient } from './http-client.js';
import { integrationFetchBody, responseOf } from './integration-fetch.js';
import { encodePathSegment } from './path-segment.js';
import { IntegrationSecretsClient } from './integration-secrets-client.js';
import type { IntegrationFetchInit, IntegrationFetchReply } from './types.js';

/** The integrations API: `switchboard.integrations`: fetch with secrets, and user and network secrets. */
export class IntegrationsClient {
  /** The calling user's own secrets. */
  readonly secrets: IntegrationSecretsClient;
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
    this.secrets = new IntegrationSecretsClient(http, '/v1/integrations/secrets');
  }

  /**
   * fetch() through the gateway: `$(secret:KEY)` and `$Token{KEY}` in the URL, header values and body become the
   * caller's secrets (then the workspace's secrets open to every app and env) on the way out. Resolves with the
   * upstream's answer as a Response whatever its status; rejects with a SwitchboardError when the platform cannot
   * make the call (a missing secret, a refused address, an unreachable or silent upstream), as fetch() rejects on
   * network errors.
   */
  async fetch(input: string | URL, init?: IntegrationFetchInit): Promise<Response> {
    const body = integrationFetchBody(input, init);
    return responseOf(await this.#http.request<IntegrationFetchReply>('POST', '/v1/integrations/fetch', body));
  }

  /** The secrets of one named network of the workspace. */
  network(name: string): { secrets: IntegrationSecretsClient } {
    return { secrets: new IntegrationSecretsClient(this.#http, `/v1/integrations/networks/${encodePathSegment('network', name)}/secrets`) };
  }
}
