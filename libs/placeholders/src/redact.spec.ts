import { PlaceholderDepthError } from './placeholder-depth.error.js';
import { redact, redactDeep } from './redact.js';
import { multiServiceAppSample } from './seed-samples.fixture.js';
import { substituteDeep } from './substitute.js';

describe('redact', () => {
  it('replaces a secret value by the $Token reference of its key', () => {
    expect(redact('Bearer sk_live_xxx', { STRIPE_KEY: 'sk_live_xxx' })).toBe('Bearer $Token{STRIPE_KEY}');
  });

  it('replaces every occurrence, of every value', () => {
    expect(redact('abcd-wxyz-abcd', new Map([['A', 'abcd'], ['W', 'wxyz']]))).toBe('$Token{A}-$Token{W}-$Token{A}');
  });

  it('replaces a longer value before a shorter value it contains', () => {
    const values = { SHORT: 'secret', LONG: 'secret-extended' };
    expect(redact('secret-extended and secret', values)).toBe('$Token{LONG} and $Token{SHORT}');
  });

  it('does not search the references it inserted for other values', () => {
    expect(redact('hunter22', { PASSWORD: 'hunter22', WORD: 'Token' })).toBe('$Token{PASSWORD}');
  });

  it('leaves values shorter than 4 characters, and empty ones, alone', () => {
    expect(redact('id=abc x=', { SHORT: 'abc', EMPTY: '' })).toBe('id=abc x=');
  });

  it('names a value shared by two keys after the first of them', () => {
    expect(redact('same-value', { FIRST: 'same-value', SECOND: 'same-value' })).toBe('$Token{FIRST}');
  });

  it('treats regular expression characters in values literally', () => {
    expect(redact('x a.b*c+(d)$1 y', { ODD: 'a.b*c+(d)$1' })).toBe('x $Token{ODD} y');
    expect(redact('axbyc', { ODD: 'a.b.c' })).toBe('axbyc');
  });

  it('redacts values with unicode in them', () => {
    expect(redact('🔑 pässwörd-🙂 מפתח', { U: 'pässwörd-🙂' })).toBe('🔑 $Token{U} מפתח');
  });

  it('returns text unchanged when there are no values', () => {
    expect(redact('sk_live_xxx', {})).toBe('sk_live_xxx');
  });
});

describe('redactDeep', () => {
  it('turns a substituted seed apps.add sample back into its references', () => {
    const values = {
      DATABASE_HOST: 'db.internal',
      DATABASE_USER: 'switchboard',
      DATABASE_PASSWORD: 'pa55word',
      REDIS_CONNECTION_STRING: 'redis://cache:6379',
      AWS_ACCESS_KEY: 'AKIAEXAMPLE',
      AWS_SECRET_KEY: 'aws/secret+key',
      OAUTH_CLIENT_ID: 'client-1',
      OAUTH_CLIENT_SECRET: 'client-secret-1',
    };
    const resolved = substituteDeep(multiServiceAppSample, values);
    expect(JSON.stringify(resolved)).toContain('pa55word');
    expect(redactDeep(resolved, values)).toEqual(multiServiceAppSample);
  });

  it('returns a new structure and never mutates its input', () => {
    const input = { headers: { Authorization: 'Bearer sk_live_xxx' }, list: ['sk_live_xxx'] };
    const snapshot = structuredClone(input);
    const output = redactDeep(input, { STRIPE_KEY: 'sk_live_xxx' });
    expect(output).toEqual({ headers: { Authorization: 'Bearer $Token{STRIPE_KEY}' }, list: ['$Token{STRIPE_KEY}'] });
    expect(input).toEqual(snapshot);
    expect(output.headers).not.toBe(input.headers);
  });

  it('leaves object keys, numbers, booleans and null alone', () => {
    expect(redactDeep({ sk_live_xxx: 1234, b: true, z: null }, { K: 'sk_live_xxx', N: '1234' })).toEqual({
      sk_live_xxx: 1234,
      b: true,
      z: null,
    });
  });

  it('refuses a cyclic value with a PlaceholderDepthError', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => redactDeep(cyclic, { K: 'value' })).toThrow(PlaceholderDepthError);
  });
});
