import { openEnvelope, rewrapDataKey, sealEnvelope } from './envelope-cipher.js';
import { MasterKey } from './master-key.js';

describe('envelope cipher', () => {
  const key = MasterKey.generate();
  const aad = Buffer.from('ws_a:0f9a3c4e-8c1b-4d7e-9a52-6b2f1e0d3c4b');

  it('opens what it sealed, with a 12-byte IV and a 16-byte tag on both layers', () => {
    const sealed = sealEnvelope('s3cr3t ✓', aad, key);
    expect(openEnvelope(sealed, aad, key)).toBe('s3cr3t ✓');
    expect([sealed.value.iv.length, sealed.value.authTag.length, sealed.dataKey.iv.length, sealed.dataKey.authTag.length]).toEqual([12, 16, 12, 16]);
    expect(sealed.dataKey.ciphertext).toHaveLength(32);
    expect(sealed.masterKeyId).toBe(key.id);
  });

  it('refuses another address, another master key, or a truncated tag', () => {
    const sealed = sealEnvelope('value', aad, key);
    expect(() => openEnvelope(sealed, Buffer.from('ws_b:0f9a3c4e-8c1b-4d7e-9a52-6b2f1e0d3c4b'), key)).toThrow(/unable to authenticate/);
    expect(() => openEnvelope(sealed, aad, MasterKey.generate())).toThrow(/unable to authenticate/);
    const truncated = { ...sealed, value: { ...sealed.value, authTag: sealed.value.authTag.subarray(0, 4) } };
    expect(() => openEnvelope(truncated, aad, key)).toThrow();
  });

  it('re-wraps the data key under a new master key so the unchanged ciphertext opens with it', () => {
    const sealed = sealEnvelope('value', aad, key);
    const newKey = MasterKey.generate();
    const rewrapped = { ...sealed, dataKey: rewrapDataKey(sealed.dataKey, aad, key, newKey), masterKeyId: newKey.id };
    expect(openEnvelope(rewrapped, aad, newKey)).toBe('value');
    expect(() => openEnvelope(rewrapped, aad, key)).toThrow(/unable to authenticate/);
  });
});
