import { findReferencesDeep, referencedKeys } from './find-references-deep.js';
import { PLACEHOLDER_MAX_DEPTH, PlaceholderDepthError } from './placeholder-depth.error.js';
import { actionRunInputSample, multiServiceAppSample } from './seed-samples.fixture.js';

/** `levels` arrays nested in one another, the innermost holding a reference. */
function nestedArrays(levels: number): unknown {
  let value: unknown = '$Token{DEEP}';
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

describe('findReferencesDeep', () => {
  it('locates references by the dotted path of the string holding them, under the root path given', () => {
    const located = findReferencesDeep(actionRunInputSample.headers, 'headers');
    expect(located.map(({ path, key }) => [path, key])).toEqual([
      ['headers.X-API-Key', 'CUSTOM_API_KEY'],
      ['headers.X-Webhook-Secret', 'WEBHOOK_SIGNING_SECRET'],
      ['headers.Authorization', 'STRIPE_KEY'],
    ]);
    expect(located[2]).toEqual({
      key: 'STRIPE_KEY',
      start: 7,
      end: 25,
      raw: '$Token{STRIPE_KEY}',
      syntax: 'token',
      path: 'headers.Authorization',
    });
  });

  it('uses array indices as path segments', () => {
    const body = { items: [{ token: 'x' }, { token: '$Token{ITEM}' }] };
    expect(findReferencesDeep(body, 'body')).toEqual([
      { key: 'ITEM', start: 0, end: 12, raw: '$Token{ITEM}', syntax: 'token', path: 'body.items.1.token' },
    ]);
  });

  it('starts paths at the first segment when no root path is given', () => {
    expect(findReferencesDeep({ a: ['$Token{A}'] }).map((reference) => reference.path)).toEqual(['a.0']);
  });

  it('gives a string root the root path itself', () => {
    expect(findReferencesDeep('$Token{A} $Token{B}', 'signing_secret').map(({ key, path }) => [key, path])).toEqual([
      ['A', 'signing_secret'],
      ['B', 'signing_secret'],
    ]);
    expect(findReferencesDeep('$Token{A}')[0]?.path).toBe('');
  });

  it('finds every reference of the seed multi-secret apps.add sample', () => {
    expect(findReferencesDeep(multiServiceAppSample).map(({ path, key }) => `${path}=${key}`)).toEqual([
      'envs.0.variables.0.value=DATABASE_HOST',
      'envs.0.variables.1.value=DATABASE_USER',
      'envs.0.variables.2.value=DATABASE_PASSWORD',
      'envs.0.variables.3.value=REDIS_CONNECTION_STRING',
      'envs.0.variables.4.value=AWS_ACCESS_KEY',
      'envs.0.variables.5.value=AWS_SECRET_KEY',
      'envs.0.auth.0.data.client_id=OAUTH_CLIENT_ID',
      'envs.0.auth.0.data.client_secret=OAUTH_CLIENT_SECRET',
    ]);
  });

  it('does not scan object keys', () => {
    expect(findReferencesDeep({ '$Token{IN_KEY}': 'value', nested: { '$(secret:K)': 1 } })).toEqual([]);
  });

  it('leaves numbers, booleans, null and undefined alone', () => {
    expect(findReferencesDeep({ n: 1, b: true, z: null, u: undefined, list: [0, false, null] })).toEqual([]);
    expect(findReferencesDeep(42)).toEqual([]);
    expect(findReferencesDeep(null)).toEqual([]);
    expect(findReferencesDeep(undefined)).toEqual([]);
  });

  it('does not look into class instances, Dates or Maps, which are not JSON-like', () => {
    class Holder {
      token = '$Token{IN_INSTANCE}';
    }
    const value = { instance: new Holder(), date: new Date(0), map: new Map([['k', '$Token{IN_MAP}']]) };
    expect(findReferencesDeep(value)).toEqual([]);
  });

  it('looks into objects without a prototype, as JSON-like', () => {
    const value: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    value.token = '$Token{NULL_PROTO}';
    expect(referencedKeys(value)).toEqual(['NULL_PROTO']);
  });

  it(`walks values nested ${PLACEHOLDER_MAX_DEPTH} levels deep`, () => {
    expect(referencedKeys(nestedArrays(PLACEHOLDER_MAX_DEPTH))).toEqual(['DEEP']);
  });

  it(`refuses values nested deeper than ${PLACEHOLDER_MAX_DEPTH} levels with a PlaceholderDepthError`, () => {
    expect(() => findReferencesDeep(nestedArrays(PLACEHOLDER_MAX_DEPTH + 1))).toThrow(PlaceholderDepthError);
  });

  it('refuses a cyclic value instead of looping, naming where it went too deep', () => {
    const cyclic: Record<string, unknown> = { token: '$Token{A}' };
    cyclic.self = cyclic;
    let thrown: unknown;
    try {
      findReferencesDeep(cyclic, 'body');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlaceholderDepthError);
    expect(thrown).toMatchObject({
      code: 'placeholder_depth_exceeded',
      name: 'PlaceholderDepthError',
      path: `body${'.self'.repeat(PLACEHOLDER_MAX_DEPTH)}`,
    });
  });

  it('refuses a very deep value without overflowing the stack', () => {
    expect(() => findReferencesDeep(nestedArrays(100_000))).toThrow(PlaceholderDepthError);
  });

  it('visits a value shared by two branches once per branch', () => {
    const shared = { token: '$Token{SHARED}' };
    expect(findReferencesDeep({ a: shared, b: shared }).map((reference) => reference.path)).toEqual([
      'a.token',
      'b.token',
    ]);
  });
});

describe('referencedKeys', () => {
  it('lists each key once, in the order first seen', () => {
    expect(referencedKeys({ a: '$Token{B} $Token{A}', b: ['$Secret{B}', '$(secret:C)'], c: '$Token{A}' })).toEqual([
      'B',
      'A',
      'C',
    ]);
  });

  it('lists the keys of the seed multi-secret apps.add sample', () => {
    expect(referencedKeys(multiServiceAppSample)).toEqual([
      'DATABASE_HOST',
      'DATABASE_USER',
      'DATABASE_PASSWORD',
      'REDIS_CONNECTION_STRING',
      'AWS_ACCESS_KEY',
      'AWS_SECRET_KEY',
      'OAUTH_CLIENT_ID',
      'OAUTH_CLIENT_SECRET',
    ]);
  });

  it('skips escaped references and lookalikes', () => {
    expect(referencedKeys(['\\$Token{ESCAPED}', '$Token{bad-key}', '\\\\$Token{REAL}'])).toEqual(['REAL']);
  });

  it('accepts a plain string', () => {
    expect(referencedKeys('$Token{A}$Token{A}')).toEqual(['A']);
  });
});
