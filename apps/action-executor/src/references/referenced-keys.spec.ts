import { NESTING_MAX_DEPTH } from '@switchboard/contracts';
import { PLACEHOLDER_MAX_DEPTH } from '@switchboard/placeholders';
import { referencedKeysOf } from './referenced-keys.js';

const nested = (levels: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let level = 0; level < levels; level += 1) value = { a: value };
  return value;
};

describe('referencedKeysOf', () => {
  it('scans every value the entry accepts, since the placeholder scan goes at least as deep as the entry check', () => {
    expect(PLACEHOLDER_MAX_DEPTH).toBeGreaterThanOrEqual(NESTING_MAX_DEPTH);
    expect(referencedKeysOf('input', nested(NESTING_MAX_DEPTH - 1, '$Token{STRIPE_KEY}'))).toEqual(['STRIPE_KEY']);
  });

  it('gives each key once, across values', () => {
    expect(referencedKeysOf('body', 'https://x.test/$Token{A}', { h: '$Secret{B}' }, ['$(secret:A)'])).toEqual(['A', 'B']);
  });

  it('refuses a value too deep to scan with the 400 the entry gives, naming the field', () => {
    expect(() => referencedKeysOf('body', nested(PLACEHOLDER_MAX_DEPTH + 2, 'x'))).toThrow(`body is nested deeper than ${NESTING_MAX_DEPTH} levels`);
  });
});
