import { decodeResponseBody, RESPONSE_MAX_NESTING } from './response-body.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeResponseBody', () => {
  it('parses a JSON reply', () => {
    expect(decodeResponseBody(bytes('{"id":"ch_1"}'), 'application/json; charset=utf-8')).toEqual({ id: 'ch_1' });
    expect(decodeResponseBody(bytes('{"errors":[]}'), 'application/problem+json')).toEqual({ errors: [] });
  });

  it('returns a malformed JSON reply as its raw text instead of failing', () => {
    expect(decodeResponseBody(bytes('{"id": "ch_1"'), 'application/json')).toBe('{"id": "ch_1"');
  });

  it('returns a JSON reply nested deeper than RESPONSE_MAX_NESTING as its raw text, since it could not be sent on', () => {
    const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    expect(decodeResponseBody(bytes(nested(RESPONSE_MAX_NESTING)), 'application/json')).toEqual(JSON.parse(nested(RESPONSE_MAX_NESTING)));
    for (const levels of [RESPONSE_MAX_NESTING + 1, 10_000, 100_000]) {
      expect(decodeResponseBody(bytes(nested(levels)), 'application/json')).toBe(nested(levels));
    }
  });

  it('returns other replies as text and an empty one as null', () => {
    expect(decodeResponseBody(bytes('<Response/>'), 'text/xml')).toBe('<Response/>');
    expect(decodeResponseBody(bytes(''), 'application/json')).toBeNull();
  });
});
