import type { HttpClient } from './http-client.js';
import type { AuditEvent, AuditEventFilters } from './types.js';

/** The workspace's administrative audit log (admins only): `switchboard.audit`. */
export class AuditClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Who changed what, when and from where, newest first, a page at a time. */
  async fetch(filters: AuditEventFilters = {}): Promise<AuditEvent[]> {
    const query = new URLSearchParams();
    if (filters.limit !== undefined) query.set('limit', String(filters.limit));
    if (filters.before !== undefined) query.set('before', filters.before);
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return await this.#http.request<AuditEvent[]>('GET', `/v1/audit-events${suffix}`);
  }
}
