import { describe, expect, it } from '@jest/globals';
import { skeletonOf } from './schema-skeleton';

describe('skeletonOf', () => {
  it("fills the Stripe template's create-charge body with its required properties only, as type placeholders", () => {
    const body = {
      type: 'object',
      properties: {
        amount: { type: 'integer', minimum: 1 },
        currency: { type: 'string', pattern: '^[a-z]{3}$' },
        description: { type: 'string' },
      },
      required: ['amount', 'currency'],
    };

    expect(skeletonOf(body)).toEqual({ amount: 1, currency: '' });
  });

  it("prefers the schema's own values: const, default, examples, example, then the first enum value", () => {
    const schema = {
      type: 'object',
      required: ['a', 'b', 'c', 'd', 'e'],
      properties: {
        a: { const: 'fixed', default: 'no' },
        b: { type: 'integer', default: 3 },
        c: { type: 'string', examples: ['first', 'second'] },
        d: { type: 'boolean', example: true },
        e: { enum: ['usd', 'eur'] },
      },
    };

    expect(skeletonOf(schema)).toEqual({ a: 'fixed', b: 3, c: 'first', d: true, e: 'usd' });
  });

  it('nests objects, follows local refs, and gives the other types their placeholders', () => {
    const schema = {
      type: 'object',
      required: ['card', 'tags', 'live', 'note', 'ratio', 'extra'],
      properties: {
        card: { $ref: '#/$defs/card' },
        tags: { type: 'array', items: { type: 'string' } },
        live: { type: 'boolean' },
        note: { type: ['null', 'string'] },
        ratio: { type: 'number' },
      },
      $defs: { card: { type: 'object', required: ['number'], properties: { number: { $ref: '#/$defs/digits' } } }, digits: { type: 'string' } },
    };

    expect(skeletonOf(schema)).toEqual({ card: { number: '' }, tags: [], live: false, note: '', ratio: 0, extra: null });
  });

  it('merges allOf parts and takes the first oneOf or anyOf choice', () => {
    const schema = {
      allOf: [
        { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        { required: ['source'], properties: { source: { oneOf: [{ type: 'integer' }, { type: 'string' }] } } },
      ],
    };

    expect(skeletonOf(schema)).toEqual({ id: '', source: 0 });
  });

  it('stops a schema that refers to itself, instead of recursing forever', () => {
    const schema = { $ref: '#/$defs/node', $defs: { node: { type: 'object', required: ['child'], properties: { child: { $ref: '#/$defs/node' } } } } };

    let depth = 0;
    for (let node = skeletonOf(schema); node !== null; node = (node as { child: unknown }).child) depth += 1;
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThan(20);
  });
});
