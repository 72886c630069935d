import type { HttpClient } from './http-client.js';
import { RunsClient } from './runs-client.js';
import type { ActionDispatchResult, ActionPlan, ActionRunResult, RunActionInput } from './types.js';

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

  /**
   * Queues the same run as `run` and resolves at once with its `run_id`; `runs.fetch(run_id)` follows it. An unknown
   * product, connection, env or action is refused here; anything else ends in the run's record. Delivered at least
   * once: a run whose executor dies mid-call is sent again.
   */
  async dispatch(input: RunActionInput): Promise<ActionDispatchResult> {
    return await this.#http.request<ActionDispatchResult>('POST', '/v1/actions/dispatch', input);
  }

  /** What `run` would send and which checks would fail, without calling out or reading a secret. */
  async plan(input: RunActionInput): Promise<ActionPlan> {
    return await this.#http.request<ActionPlan>('POST', '/v1/actions/plan', input);
  }
}
