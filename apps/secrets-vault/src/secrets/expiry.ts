import { fieldFailure } from '@switchboard/platform';

/** Parses an `expires_at` that must lie in the future; absent or null means "never expires". */
export function futureExpiry(expiresAt: string | null | undefined, now: Date): Date | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  const date = new Date(expiresAt);
  if (date.getTime() <= now.getTime()) throw fieldFailure('expires_at', `expires_at must be in the future (got ${expiresAt})`);
  return date;
}
