import type { HttpClient } from './http-client.js';
import { RunsClient } from './runs-client.js';
import type { ActionPlan, ActionRunResult, RunActionInput } from './types.js';

/** Running connected apps' actions: `switchboard.actions`. */
export class ActionsClient {
  /** The records of past runs. */
  readonly runs: RunsClient;
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
    this.runs = new RunsClient(http);
  }

  /** Makes the action's outbound call with the connection's configuration and the referenced secrets. */
  async run(input: RunActionInput): Promise<ActionRunResult> {
    return await this.#http.request<ActionRunResult>('POST', '/v1/actions/run', input);
  }

  /** What `run` would send and which checks would fail, without calling out or reading a secret. */
  async plan(input: RunActionInput): Promise<ActionPlan> {
    return await this.#http.request<ActionPlan>('POST', '/v1/actions/plan', input);
  }
}
