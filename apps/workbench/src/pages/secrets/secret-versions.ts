import type { SecretAuditEntry } from '@switchboard/sdk';

/** One version of a secret's value and the audit entry that made it, when the entries read reach back that far. */
export interface SecretVersion {
  version: number;
  madeBy: SecretAuditEntry | undefined;
}

const MAKING_ACTIONS = new Set<SecretAuditEntry['action']>(['create', 'rotate', 'update']);

/**
 * The versions 1..`current` of one secret, newest first, each with the create, rotate or update that made it, read from
 * its audit entries (newest first). A key deleted and created again starts at version 1 anew, so only the entries from
 * its newest `create` on count. A version's first entry that is no such change means it was made before the entries read.
 */
export function versionsOf(entries: readonly SecretAuditEntry[], current: number): SecretVersion[] {
  const newestCreate = entries.findIndex((entry) => entry.action === 'create');
  const lifetime = newestCreate === -1 ? entries : entries.slice(0, newestCreate + 1);
  const firstByVersion = new Map<number, SecretAuditEntry>();
  for (const entry of lifetime.toReversed()) {
    if (entry.version !== null && !firstByVersion.has(entry.version)) firstByVersion.set(entry.version, entry);
  }
  return Array.from({ length: current }, (_, index) => {
    const version = current - index;
    const first = firstByVersion.get(version);
    return { version, madeBy: first !== undefined && MAKING_ACTIONS.has(first.action) ? first : undefined };
  });
}
