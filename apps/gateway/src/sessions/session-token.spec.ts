import { csrfTokenMatches, generateCsrfToken, generateSessionToken, hashSessionToken } from './session-token.js';

describe('session tokens', () => {
  it('are random, recognisable by their prefix, and stored only as a hash', () => {
    const token = generateSessionToken();
    expect(token).toMatch(/^sbs_[A-Za-z0-9_-]{43}$/);
    expect(generateSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });

  it('come with a CSRF token that only matches itself', () => {
    const csrf = generateCsrfToken();
    expect(csrfTokenMatches(csrf, csrf)).toBe(true);
    expect(csrfTokenMatches(generateCsrfToken(), csrf)).toBe(false);
    expect(csrfTokenMatches(csrf.slice(1), csrf)).toBe(false);
    expect(csrfTokenMatches(undefined, csrf)).toBe(false);
  });
});
