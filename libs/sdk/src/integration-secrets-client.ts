import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import { SwitchboardError } from './switchboard-error.js';
import type { SecretSetResult } from './types.js';

/**
 * A user's or a network's own secrets, with the forgiving conventions of the integrations API:
 * `get` resolves to "" and `has` to false when the secret is missing or anything fails, and
 * `set` resolves to a status instead of throwing.
 */
export class IntegrationSecretsClient {
  readonly #http: HttpClient;
  readonly #basePath: string;

  constructor(http: HttpClient, basePath: string) {
    this.#http = http;
    this.#basePath = basePath;
  }

  /** The secret's value, or "" when it does not exist or the call fails. */
  async get(key: string): Promise<string> {
    try {
      return (await this.#http.request<{ value: string }>('GET', this.#path(key))).value;
    } catch {
      return '';
    }
  }

  /** Whether the secret exists; false when the call fails. */
  async has(key: string): Promise<boolean> {
    try {
      await this.#http.request('GET', this.#path(key));
      return true;
    } catch {
      return false;
    }
  }

  /** Stores the value; resolves to `{status: 'failure', error}` instead of throwing. */
  async set(key: string, value: string): Promise<SecretSetResult> {
    try {
      await this.#http.request('PUT', this.#path(key), { value });
      return { status: 'success' };
    } catch (error) {
      return { status: 'failure', error: error instanceof SwitchboardError ? error.message : String(error) };
    }
  }

  #path(key: string): string {
    return `${this.#basePath}/${encodePathSegment('key', key)}`;
  }
}
