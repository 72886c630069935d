import { generateId, generatePrivateKey, hashPrivateKey, privateKeyMatches } from './private-key.js';

describe('private keys', () => {
  it('are random and recognisable by their prefix', () => {
    const first = generatePrivateKey();
    expect(first).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
    expect(generatePrivateKey()).not.toBe(first);
  });

  it('match their own hash and no other key', () => {
    const key = generatePrivateKey();
    const hash = hashPrivateKey(key);
    expect(hash).not.toContain(key);
    expect(privateKeyMatches(key, hash)).toBe(true);
    expect(privateKeyMatches(generatePrivateKey(), hash)).toBe(false);
    expect(privateKeyMatches(key, 'not-a-hash')).toBe(false);
  });

  it('come with identifiers that cannot be guessed from one another', () => {
    expect(generateId('ws')).toMatch(/^ws_[A-Za-z0-9_-]{16}$/);
    expect(generateId('usr')).not.toBe(generateId('usr'));
  });
});
