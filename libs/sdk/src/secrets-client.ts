import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { CreateSecretInput, Secret, SecretAuditEntry, SecretAuditFilters, SecretWithValue, UpdateSecretInput } from './types.js';

/** Workspace secrets: `switchboard.secrets`. Only `fetch` ever returns a value. */
export class SecretsClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Creates a secret; reference it in configurations as `$Token{KEY}`. */
  async create(input: CreateSecretInput): Promise<Secret> {
    return await this.#http.request<Secret>('POST', '/v1/secrets', input);
  }

  /** Changes a secret's metadata, or its value (which makes a new version). */
  async update(key: string, changes: UpdateSecretInput): Promise<Secret> {
    return await this.#http.request<Secret>('PATCH', `/v1/secrets/${encodePathSegment('key', key)}`, changes);
  }

  /** Replaces the value under a new version; the old version is never used again. */
  async rotate(key: string, value: string): Promise<Secret> {
    return await this.#http.request<Secret>('POST', `/v1/secrets/${encodePathSegment('key', key)}/rotate`, { value });
  }

  /** Returns the secret with its current value (audited). */
  async fetch(key: string): Promise<SecretWithValue> {
    return await this.#http.request<SecretWithValue>('GET', `/v1/secrets/${encodePathSegment('key', key)}`);
  }

  /** Lists the workspace's secrets: metadata only. */
  async fetchAll(): Promise<Secret[]> {
    return await this.#http.request<Secret[]>('GET', '/v1/secrets');
  }

  /** Same as `fetchAll`. */
  async list(): Promise<Secret[]> {
    return await this.fetchAll();
  }

  /** Deletes the secret and every stored version of its value. */
  async delete(key: string): Promise<Secret> {
    return await this.#http.request<Secret>('DELETE', `/v1/secrets/${encodePathSegment('key', key)}`);
  }

  /** The audit trail, newest first, optionally for one key. */
  async audit(options: SecretAuditFilters = {}): Promise<SecretAuditEntry[]> {
    const query = new URLSearchParams();
    if (options.key !== undefined) query.set('key', options.key);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return await this.#http.request<SecretAuditEntry[]>('GET', `/v1/secret-audit${suffix}`);
  }
}
