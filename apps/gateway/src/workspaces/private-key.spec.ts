import { generateId, generatePrivateKey, hashPrivateKey } from './private-key.js';

describe('private keys', () => {
  it('are random and recognisable by their prefix', () => {
    const first = generatePrivateKey();
    expect(first).toMatch(/^sbk_[A-Za-z0-9_-]{43}$/);
    expect(generatePrivateKey()).not.toBe(first);
  });

  it('hash the same every time, to a value that holds nothing of the key', () => {
    const key = generatePrivateKey();
    const hash = hashPrivateKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPrivateKey(key)).toBe(hash);
    expect(hashPrivateKey(generatePrivateKey())).not.toBe(hash);
  });

  it('come with identifiers that cannot be guessed from one another', () => {
    expect(generateId('ws')).toMatch(/^ws_[A-Za-z0-9_-]{16}$/);
    expect(generateId('usr')).not.toBe(generateId('usr'));
  });
});
