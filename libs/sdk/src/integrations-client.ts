import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import { SpaceSecretsClient } from './space-secrets-client.js';

/** The integrations API: `switchboard.integrations`. */
export class IntegrationsClient {
  /** The calling user's own secrets. */
  readonly secrets: SpaceSecretsClient;
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
    this.secrets = new SpaceSecretsClient(http, '/v1/integrations/secrets');
  }

  /** The secrets of one named network of the workspace. */
  network(name: string): { secrets: SpaceSecretsClient } {
    return { secrets: new SpaceSecretsClient(this.#http, `/v1/integrations/networks/${encodePathSegment('network', name)}/secrets`) };
  }
}
