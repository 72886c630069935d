import { assertJsonSchemaValid, compileJsonSchema, JsonSchemaInvalidError } from './json-schema-validator.js';

const CHARGE = {
  type: 'object',
  required: ['amount'],
  properties: {
    amount: { type: 'integer', format: 'int64', example: 2000, readOnly: false },
    currency: { enum: ['usd', 'eur'] },
    lines: { type: 'array', items: { type: 'object', properties: { 'a/b': { type: 'string', format: 'email' } } } },
  },
  additionalProperties: false,
  xml: { name: 'charge' },
  discriminator: { propertyName: 'kind' },
  externalDocs: { url: 'https://docs.example.com' },
  deprecated: false,
};

describe('compileJsonSchema', () => {
  const check = compileJsonSchema(CHARGE, 'body');

  it.each([
    ['a wrong type', { amount: '2000' }, 'body.amount must be integer'],
    ['a missing required property', {}, "body must have required property 'amount'"],
    ['a value outside an enum', { amount: 1, currency: 'gbp' }, 'body.currency must be equal to one of the allowed values: "usd", "eur"'],
    ['an unknown property', { amount: 1, extra: true }, 'body must NOT have additional properties (extra)'],
    ['a nested item, its key unescaped from the JSON pointer', { amount: 1, lines: [{ 'a/b': 'nope' }] }, 'body.lines.0.a/b must match format "email"'],
  ])('names the field of %s', (_case, value, message) => {
    expect(check(value)).toBe(message);
  });

  it('passes a matching value, OpenAPI keywords tolerated', () => {
    expect(check({ amount: 2000, currency: 'usd', lines: [{ 'a/b': 'a@example.com' }] })).toBeUndefined();
  });

  it('refuses a $ref that resolves nowhere', () => {
    expect(() => compileJsonSchema({ $ref: '#/$defs/missing' }, 'body')).toThrow(new JsonSchemaInvalidError("can't resolve reference #/$defs/missing from id #"));
  });

  it('compiles two schemas of one $id, keeping none of them', () => {
    expect(compileJsonSchema({ $id: 'https://example.com/a', type: 'string' }, 'query')(1)).toBe('query must be string');
    expect(compileJsonSchema({ $id: 'https://example.com/a', type: 'integer' }, 'query')(1)).toBeUndefined();
  });
});

describe('assertJsonSchemaValid', () => {
  it('accepts a schema with OpenAPI keywords', () => {
    expect(() => assertJsonSchemaValid(CHARGE)).not.toThrow();
  });

  it('refuses a keyword of the wrong type with its path in the schema', () => {
    expect(() => assertJsonSchemaValid({ properties: { amount: { minimum: 'none' } } })).toThrow(new JsonSchemaInvalidError('schema/properties/amount/minimum must be number'));
  });
});
