import { PlaceholderDepthError } from './placeholder-depth.error.js';
import { actionRunInputSample, multiServiceAppSample } from './seed-samples.fixture.js';
import { substitute, substituteDeep } from './substitute.js';

describe('substitute', () => {
  it('replaces a reference by its value in the seed header', () => {
    expect(substitute('Bearer $Token{STRIPE_KEY}', { STRIPE_KEY: 'sk_live_xxx' })).toBe('Bearer sk_live_xxx');
  });

  it('replaces every spelling', () => {
    const values = { A: '1', B: '2', C: '3' };
    expect(substitute('$Token{A}|$Secret{B}|$(secret:C)', values)).toBe('1|2|3');
  });

  it('replaces several references in one string, the same key as often as it appears', () => {
    expect(substitute('Bearer $Token{A}-$Token{B}-$Token{A}', { A: 'x', B: 'y' })).toBe('Bearer x-y-x');
  });

  it('takes values from a Map as well as from a record', () => {
    expect(substitute('$Token{A}', new Map([['A', 'from map']]))).toBe('from map');
  });

  it('leaves a reference to an unknown key untouched', () => {
    expect(substitute('$Token{KNOWN} $Token{UNKNOWN} $(secret:UNKNOWN)', { KNOWN: 'k' })).toBe(
      'k $Token{UNKNOWN} $(secret:UNKNOWN)',
    );
  });

  it('does not take keys a record inherits, such as constructor or __proto__', () => {
    expect(substitute('$Token{constructor} $Token{toString} $Token{__proto__}', {})).toBe(
      '$Token{constructor} $Token{toString} $Token{__proto__}',
    );
  });

  it('replaces the keys a record has as its own, whatever their name', () => {
    const values: Record<string, string> = JSON.parse('{"__proto__":"p","constructor":"c"}') as Record<string, string>;
    expect(substitute('$Token{__proto__} $Token{constructor}', values)).toBe('p c');
  });

  it('inserts a value literally, without resolving references inside it', () => {
    expect(substitute('$Token{A}', { A: '$Token{B}', B: 'never' })).toBe('$Token{B}');
    expect(substitute('$Token{A}', { A: '$& $1 $$' })).toBe('$& $1 $$');
  });

  it('inserts an empty value', () => {
    expect(substitute('[$Token{A}]', { A: '' })).toBe('[]');
  });

  it('turns an escaped reference into literal text without its backslash', () => {
    expect(substitute('\\$Token{A}', { A: 'secret' })).toBe('$Token{A}');
    expect(substitute('\\$Secret{A} \\$(secret:A)', { A: 'secret' })).toBe('$Secret{A} $(secret:A)');
  });

  it('turns an escaped backslash before a reference into one backslash and replaces the reference', () => {
    expect(substitute('\\\\$Token{A}', { A: 'secret' })).toBe('\\secret');
  });

  it('halves any run of backslashes before a reference and lets the parity decide', () => {
    expect(substitute('\\\\\\$Token{A}', { A: 's' })).toBe('\\$Token{A}');
    expect(substitute('\\\\\\\\$Token{A}', { A: 's' })).toBe('\\\\s');
  });

  it('removes escapes even when the key is unknown', () => {
    expect(substitute('\\$Token{UNKNOWN} \\\\$Token{UNKNOWN}', {})).toBe('$Token{UNKNOWN} \\$Token{UNKNOWN}');
  });

  it('leaves backslashes that are not before a reference alone', () => {
    expect(substitute('C:\\\\dir\\file \\$Token{} \\$5', { A: 'x' })).toBe('C:\\\\dir\\file \\$Token{} \\$5');
  });

  it('leaves lookalikes as literal text', () => {
    const text = '$Token{} $Token{bad-key} $Token{A $(secret:) $Token {A}';
    expect(substitute(text, { A: 'x' })).toBe(text);
  });

  it('replaces only the valid inner reference of a nested lookalike', () => {
    expect(substitute('$Token{$Token{A}}', { A: 'x' })).toBe('$Token{x}');
  });

  it('keeps unicode around references intact', () => {
    expect(substitute('🔑$Token{A}e\u0301 מפתח', { A: 'ש' })).toBe('🔑שe\u0301 מפתח');
  });

  it('returns text without references as it is', () => {
    expect(substitute('', { A: 'x' })).toBe('');
    expect(substitute('no references here', { A: 'x' })).toBe('no references here');
  });

  it('substitutes 1 MB of references', () => {
    const text = '$Token{A}'.repeat(1024 * 1024 / 9);
    expect(substitute(text, { A: 'ab' })).toBe('ab'.repeat(1024 * 1024 / 9));
  });
});

describe('substituteDeep', () => {
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

  it('substitutes every reference of the seed multi-secret apps.add sample', () => {
    const resolved = substituteDeep(multiServiceAppSample, values);
    expect(resolved.envs[0]?.variables.map((variable) => variable.value)).toEqual([
      'db.internal',
      'switchboard',
      'pa55word',
      'redis://cache:6379',
      'AKIAEXAMPLE',
      'aws/secret+key',
    ]);
    expect(resolved.envs[0]?.auth[0]?.data).toEqual({ client_id: 'client-1', client_secret: 'client-secret-1' });
    expect(resolved.envs[0]?.variables[0]?.key).toBe('DB_HOST');
  });

  it('substitutes the seed action headers and leaves the unknown references in place', () => {
    const resolved = substituteDeep(actionRunInputSample, { STRIPE_KEY: 'sk_live_xxx' });
    expect(resolved.headers).toEqual({
      'X-API-Key': '$Token{CUSTOM_API_KEY}',
      'X-Webhook-Secret': '$Token{WEBHOOK_SIGNING_SECRET}',
      Authorization: 'Bearer sk_live_xxx',
    });
    expect(resolved.body).toEqual({ data: 'payload' });
  });

  it('returns a new structure and never mutates its input', () => {
    const input = { list: ['$Token{A}', { deep: '$Token{A}' }], n: 1 };
    const snapshot = structuredClone(input);
    const output = substituteDeep(input, { A: 'x' });
    expect(output).toEqual({ list: ['x', { deep: 'x' }], n: 1 });
    expect(input).toEqual(snapshot);
    expect(output).not.toBe(input);
    expect(output.list).not.toBe(input.list);
    expect(output.list[1]).not.toBe(input.list[1]);
  });

  it('copies containers even when they hold no reference', () => {
    const input = { a: { b: [1, 2] } };
    const output = substituteDeep(input, {});
    expect(output).toEqual(input);
    expect(output.a).not.toBe(input.a);
    expect(output.a.b).not.toBe(input.a.b);
  });

  it('does not substitute in object keys', () => {
    expect(substituteDeep({ '$Token{A}': '$Token{A}' }, { A: 'x' })).toEqual({ '$Token{A}': 'x' });
  });

  it('keeps an own __proto__ key as a key rather than setting the prototype', () => {
    const input: unknown = JSON.parse('{"__proto__":{"token":"$Token{A}"}}');
    const output = substituteDeep(input, { A: 'x' }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({ token: 'x' });
  });

  it('keeps numbers, booleans, null and non-JSON objects as they are', () => {
    const date = new Date(0);
    const output = substituteDeep({ n: 1.5, b: false, z: null, date }, { A: 'x' });
    expect(output).toEqual({ n: 1.5, b: false, z: null, date });
    expect(output.date).toBe(date);
  });

  it('substitutes a plain string root', () => {
    expect(substituteDeep('Bearer $Token{A}', { A: 'x' })).toBe('Bearer x');
  });

  it('refuses a cyclic value with a PlaceholderDepthError', () => {
    const cyclic: unknown[] = ['$Token{A}'];
    cyclic.push(cyclic);
    expect(() => substituteDeep(cyclic, { A: 'x' })).toThrow(PlaceholderDepthError);
  });
});
