import type { SecretAuditEntry } from '@switchboard/sdk';

/** The audit API's largest page (`limit` 1-500): the most of the trail one request reads. */
export const AUDIT_MAX_LIMIT = 500;

/** What an audit page says about when each secret was last used. */
export interface LastUses {
  /** The newest run-time use of each key found in the page. */
  byKey: ReadonlyMap<string, SecretAuditEntry>;
  /** Whether the page holds the whole trail, so a key without a use in it was never used. */
  complete: boolean;
}

/**
 * Reads the last uses from an audit page (newest first) asked with `limit`: the first `use` entry of a key is its
 * newest use. A key with none in a full page may have been used before it, which `complete: false` says.
 */
export function lastUsesOf(entries: readonly SecretAuditEntry[], limit: number): LastUses {
  const byKey = new Map<string, SecretAuditEntry>();
  for (const entry of entries) {
    if (entry.action === 'use' && !byKey.has(entry.key)) byKey.set(entry.key, entry);
  }
  return { byKey, complete: entries.length < limit };
}
