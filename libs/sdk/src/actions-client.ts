import type { HttpClient } from './http-client.js';
import type { ActionRunResult, RunActionInput } from './types.js';

/** Running connected apps' actions: `switchboard.actions`. */
export class ActionsClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Makes the action's outbound call with the connection's configuration and the referenced secrets. */
  async run(input: RunActionInput): Promise<ActionRunResult> {
    return await this.#http.request<ActionRunResult>('POST', '/v1/actions/run', input);
  }
}
