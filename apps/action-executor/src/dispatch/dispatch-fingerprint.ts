import { createHash } from 'node:crypto';
import type { RunActionBody } from '@switchboard/contracts';

/** A hash of what a dispatch asks for (product, connection, env, action and input as written), blind to key order. */
export function dispatchFingerprintOf(run: RunActionBody): string {
  const asked = { product: run.product, app: run.app, env: run.env, event: run.event, input: run.input ?? {} };
  return createHash('sha256').update(canonicalJson(asked)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
