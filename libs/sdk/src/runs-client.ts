import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { RunRecord, RunRecordFilters } from './types.js';

/** Run records of the workspace's action runs: `switchboard.actions.runs`. They appear shortly after each run's reply. */
export class RunsClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Run records, newest first; pass the last one's `created_at` as `before` for the next page, and `after` to start a time range. */
  async list(filters: RunRecordFilters = {}): Promise<RunRecord[]> {
    const query = new URLSearchParams();
    for (const name of ['product', 'app', 'status', 'limit', 'before', 'after'] as const) {
      const value = filters[name];
      if (value !== undefined) query.set(name, String(value));
    }
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return await this.#http.request<RunRecord[]>('GET', `/v1/actions/runs${suffix}`);
  }

  /** One run record, by the `run_id` that `actions.run` or `actions.dispatch` returned. */
  async fetch(runId: string): Promise<RunRecord> {
    return await this.#http.request<RunRecord>('GET', `/v1/actions/runs/${encodePathSegment('run_id', runId)}`);
  }
}
