import { fieldFailure } from '@switchboard/platform';

/** Parses an `expires_at` that must lie in the future; absent or null means "never expires". */
export function futureExpiry(expiresAt: string | null | undefined, now: Date): Date | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  const date = new Date(expiresAt);
  // Some ISO 8601 forms (week dates, ordinal dates) pass the format check but no Date can read them.
  if (Number.isNaN(date.getTime())) throw fieldFailure('expires_at', 'expires_at must be an ISO 8601 date-time such as 2030-01-31T12:00:00Z');
  if (date.getTime() <= now.getTime()) throw fieldFailure('expires_at', `expires_at must be in the future (got ${expiresAt})`);
  return date;
}
