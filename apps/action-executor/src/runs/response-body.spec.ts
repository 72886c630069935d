import { decodeResponseBody } from './response-body.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeResponseBody', () => {
  it('parses a JSON reply', () => {
    expect(decodeResponseBody(bytes('{"id":"ch_1"}'), 'application/json; charset=utf-8')).toEqual({ id: 'ch_1' });
    expect(decodeResponseBody(bytes('{"errors":[]}'), 'application/problem+json')).toEqual({ errors: [] });
  });

  it('returns a malformed JSON reply as its raw text instead of failing', () => {
    expect(decodeResponseBody(bytes('{"id": "ch_1"'), 'application/json')).toBe('{"id": "ch_1"');
  });

  it('returns other replies as text and an empty one as null', () => {
    expect(decodeResponseBody(bytes('<Response/>'), 'text/xml')).toBe('<Response/>');
    expect(decodeResponseBody(bytes(''), 'application/json')).toBeNull();
  });
});
