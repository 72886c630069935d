import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { MasterKey } from './master-key.js';

describe('MasterKey', () => {
  it('names a key by the first 16 hex characters of its SHA-256', () => {
    const bytes = randomBytes(32);
    expect(new MasterKey(bytes).id).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
  });

  it('parses the same key from base64, base64 without padding, base64url and hex', () => {
    const bytes = randomBytes(32);
    const id = new MasterKey(bytes).id;
    const spellings = [bytes.toString('base64'), bytes.toString('base64').replace(/=$/, ''), bytes.toString('base64url'), bytes.toString('hex'), `${bytes.toString('hex').toUpperCase()}\n`];
    for (const text of spellings) expect(MasterKey.parse(text, 'test').id).toBe(id);
  });

  it('refuses a key of the wrong length without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => MasterKey.parse(short, 'SWITCHBOARD_MASTER_KEY')).toThrow(/^SWITCHBOARD_MASTER_KEY does not hold a master key: expected 32 bytes/);
    expect(() => MasterKey.parse(short, 'SWITCHBOARD_MASTER_KEY')).not.toThrow(short);
    expect(() => MasterKey.parse(randomBytes(33).toString('hex'), 'test')).toThrow(/expected 32 bytes/);
    expect(() => new MasterKey(randomBytes(31))).toThrow('A master key must be 32 bytes, got 31');
  });

  it('shows only its id when logged, inspected or serialised', () => {
    const key = MasterKey.generate();
    for (const shown of [JSON.stringify(key), inspect(key), inspect({ nested: key })]) {
      expect(shown).toContain(key.id);
      expect(shown).not.toContain(key.toBase64());
      expect(shown).not.toContain(key.bytes.toString('hex'));
    }
  });
});
