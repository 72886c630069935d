import { encodePathSegment } from './path-segment.js';
import { SwitchboardError } from './switchboard-error.js';

describe('encodePathSegment', () => {
  it('percent-encodes characters that would otherwise change the path', () => {
    expect(encodePathSegment('tag', 'a/b?c#d e%')).toBe('a%2Fb%3Fc%23d%20e%25');
  });

  it('leaves ordinary tags as they are', () => {
    expect(encodePathSegment('tag', 'stripe-payments_2')).toBe('stripe-payments_2');
  });

  it.each(['', '.', '..'])('refuses %p, which would route to another resource', (value) => {
    let thrown: unknown;
    try {
      encodePathSegment('access_tag', value);
    } catch (error: unknown) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(SwitchboardError);
    expect(thrown).toMatchObject({ code: 'invalid_argument', details: { field: 'access_tag' } });
  });
});
