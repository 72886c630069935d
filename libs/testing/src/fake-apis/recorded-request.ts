import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** One request seen by a Vault for tests; the token's value is replaced so test output never shows it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Lower-case header names; `x-vault-token` reads `[redacted]` when present. */
  headers: Record<string, string>;
  /** True when X-Vault-Token carried the expected token. */
  tokenMatched: boolean;
}

/** Records a request without keeping the token it carried. */
export function recordRequest(request: IncomingMessage, expectedToken: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers[name] = name === 'x-vault-token' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: request.method ?? 'GET', path: request.url ?? '/', headers, tokenMatched: sameToken(request.headers['x-vault-token'], expectedToken) };
}

/** Compares a received X-Vault-Token with the expected one in constant time, as a real server should. */
export function sameToken(received: string | string[] | undefined, expected: string): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
