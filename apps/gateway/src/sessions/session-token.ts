import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new session token: 256 random bits, prefixed like keys so a leaked one is recognisable in a scan. */
export function generateSessionToken(): string {
  return `sbs_${randomBytes(32).toString('base64url')}`;
}

/** A session's CSRF token: 256 random bits of its own, unrelated to the session token. */
export function generateCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the sessions table stores and is searched by; a 256-bit token needs no slow hash (see private-key.ts). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented CSRF token with the session's in constant time; a missing one never matches. */
export function csrfTokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const presentedBytes = Buffer.from(presented, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  return presentedBytes.length === expectedBytes.length && timingSafeEqual(presentedBytes, expectedBytes);
}
