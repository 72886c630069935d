import { findReferences } from './scan-references.js';

const keysOf = (text: string): string[] => findReferences(text).map((reference) => reference.key);

describe('findReferences', () => {
  describe('spellings', () => {
    it('finds the main $Token{KEY} spelling with its offsets and raw text', () => {
      expect(findReferences('$Token{STRIPE_KEY}')).toEqual([
        { key: 'STRIPE_KEY', start: 0, end: 18, raw: '$Token{STRIPE_KEY}', syntax: 'token' },
      ]);
    });

    it('finds the $Secret{KEY} spelling', () => {
      expect(findReferences('x=$Secret{db_pass_2}')).toEqual([
        { key: 'db_pass_2', start: 2, end: 20, raw: '$Secret{db_pass_2}', syntax: 'secret' },
      ]);
    });

    it('finds the $(secret:KEY) spelling', () => {
      expect(findReferences('{"username":"$(secret:USERNAME)"}')).toEqual([
        { key: 'USERNAME', start: 13, end: 31, raw: '$(secret:USERNAME)', syntax: 'paren' },
      ]);
    });

    it('finds a reference in the middle of the seed header value', () => {
      const text = 'Bearer $Token{STRIPE_KEY}';
      const [reference] = findReferences(text);
      expect(reference).toEqual({ key: 'STRIPE_KEY', start: 7, end: 25, raw: '$Token{STRIPE_KEY}', syntax: 'token' });
      expect(text.slice(reference?.start, reference?.end)).toBe('$Token{STRIPE_KEY}');
    });

    it('reads the spelling words case-sensitively', () => {
      expect(findReferences('$token{A} $TOKEN{A} $secret{A} $(Secret:A) $(SECRET:A)')).toEqual([]);
    });

    it('keeps keys case-sensitive, so KEY and key are two keys', () => {
      expect(keysOf('$Token{KEY}$Token{key}')).toEqual(['KEY', 'key']);
    });

    it('accepts letters, digits and underscores in any position of a key', () => {
      expect(keysOf('$Token{_} $Token{9} $Token{a_B_9} $Token{__init__}')).toEqual(['_', '9', 'a_B_9', '__init__']);
    });

    it('accepts a key of 128 characters and refuses one of 129', () => {
      const longest = 'K'.repeat(128);
      expect(keysOf(`$Token{${longest}}`)).toEqual([longest]);
      expect(findReferences(`$Token{${longest}K}`)).toEqual([]);
    });
  });

  describe('several references in one string', () => {
    it('finds each of them in order with its own offsets', () => {
      expect(findReferences('Bearer $Token{A}-$Token{B}')).toEqual([
        { key: 'A', start: 7, end: 16, raw: '$Token{A}', syntax: 'token' },
        { key: 'B', start: 17, end: 26, raw: '$Token{B}', syntax: 'token' },
      ]);
    });

    it('finds references written back to back and mixing spellings', () => {
      expect(findReferences('$Token{A}$Secret{B}$(secret:C)').map(({ key, syntax }) => [key, syntax])).toEqual([
        ['A', 'token'],
        ['B', 'secret'],
        ['C', 'paren'],
      ]);
    });

    it('reports a key each time it is referenced', () => {
      expect(keysOf('$Token{A}:$Token{A}')).toEqual(['A', 'A']);
    });
  });

  describe('escapes', () => {
    it('does not report a reference preceded by a backslash', () => {
      expect(findReferences('\\$Token{A}')).toEqual([]);
      expect(findReferences('\\$Secret{A} \\$(secret:A)')).toEqual([]);
    });

    it('reports a reference preceded by an escaped backslash, at the dollar sign', () => {
      expect(findReferences('\\\\$Token{A}')).toEqual([
        { key: 'A', start: 2, end: 11, raw: '$Token{A}', syntax: 'token' },
      ]);
    });

    it('decides by the parity of the backslashes right before the reference', () => {
      expect(keysOf('\\\\\\$Token{A}')).toEqual([]);
      expect(keysOf('\\\\\\\\$Token{A}')).toEqual(['A']);
    });

    it('lets a backslash escape only the reference right after it', () => {
      expect(keysOf('\\$Token{A}$Token{B}')).toEqual(['B']);
    });

    it('does not treat a backslash separated from the reference as an escape', () => {
      expect(keysOf('\\ $Token{A}')).toEqual(['A']);
    });
  });

  describe('lookalikes', () => {
    it.each([
      ['an empty key', '$Token{}'],
      ['a key with a dash', '$Token{bad-key}'],
      ['a key with a space', '$Token{ A }'],
      ['a key with a dot', '$Token{a.b}'],
      ['a missing closing brace', '$Token{A'],
      ['a closing parenthesis instead of a brace', '$Token{A)'],
      ['a brace instead of a parenthesis', '$(secret:A}'],
      ['an empty parenthesised key', '$(secret:)'],
      ['a space after secret:', '$(secret: A)'],
      ['a space before the brace', '$Token {A}'],
      ['no dollar sign', 'Token{A}'],
      ['a lone dollar sign', '$'],
      ['an unclosed opener at the very end', 'x $Token{'],
      ['a fullwidth dollar sign', '＄Token{A}'],
      ['a non-ASCII letter in the key', '$Token{Ä}'],
      ['a combining mark in the key', '$Token{e\u0301}'],
    ])('leaves %s as literal text', (_what, text) => {
      expect(findReferences(text)).toEqual([]);
    });

    it('reports only the valid inner reference of a nested lookalike and leaves the outer one as text', () => {
      expect(findReferences('$Token{$Token{A}}')).toEqual([
        { key: 'A', start: 7, end: 16, raw: '$Token{A}', syntax: 'token' },
      ]);
    });

    it('finds a valid reference right after an unbalanced opener', () => {
      expect(keysOf('$Token{$Token{B}')).toEqual(['B']);
      expect(keysOf('$(secret:$(secret:B)')).toEqual(['B']);
    });

    it('ignores stray braces and parentheses around a reference', () => {
      expect(findReferences('}}{{$Token{A}}}((')).toEqual([
        { key: 'A', start: 4, end: 13, raw: '$Token{A}', syntax: 'token' },
      ]);
    });

    it('finds a reference after a run of dollar signs', () => {
      expect(findReferences('$$$Token{A}')).toEqual([{ key: 'A', start: 2, end: 11, raw: '$Token{A}', syntax: 'token' }]);
    });

    it('returns nothing for the empty string and for text without references', () => {
      expect(findReferences('')).toEqual([]);
      expect(findReferences('plain text with {braces} and (parentheses) and $5')).toEqual([]);
    });
  });

  describe('unicode around references', () => {
    it('counts an emoji before the reference as two UTF-16 code units', () => {
      const text = '🔑 $Token{API_KEY} 🔒';
      const [reference] = findReferences(text);
      expect(reference?.start).toBe(3);
      expect(reference?.end).toBe(18);
      expect(text.slice(reference?.start, reference?.end)).toBe('$Token{API_KEY}');
    });

    it('finds a reference right after a combining mark', () => {
      const text = 'cafe\u0301$Token{A}e\u0301';
      expect(findReferences(text)).toEqual([{ key: 'A', start: 5, end: 14, raw: '$Token{A}', syntax: 'token' }]);
    });

    it('finds references inside right-to-left text', () => {
      const text = 'מפתח: $Token{HEBREW_KEY} ومفتاح $(secret:ARABIC_KEY)';
      const references = findReferences(text);
      expect(references.map((reference) => reference.key)).toEqual(['HEBREW_KEY', 'ARABIC_KEY']);
      for (const reference of references) expect(text.slice(reference.start, reference.end)).toBe(reference.raw);
    });

    it('finds a reference next to lone surrogates without throwing', () => {
      expect(keysOf('\uD83D$Token{A}\uDC00')).toEqual(['A']);
    });
  });

  describe('huge input', () => {
    const megabyte = 1024 * 1024;

    it('gets through 1 MB of unclosed $Token{ openers', () => {
      expect(findReferences('$Token{'.repeat(megabyte / 7))).toEqual([]);
    });

    it('gets through an opener followed by 1 MB of key characters', () => {
      expect(findReferences(`$Token{${'A'.repeat(megabyte)}`)).toEqual([]);
      expect(findReferences(`$Token{${'A'.repeat(megabyte)}}`)).toEqual([]);
    });

    it('gets through 1 MB of backslashes before a reference', () => {
      expect(keysOf(`${'\\'.repeat(megabyte)}$Token{A}`)).toEqual(['A']);
    });

    it('gets through 1 MB of dollar signs and of almost-references', () => {
      expect(findReferences('$'.repeat(megabyte))).toEqual([]);
      expect(findReferences('$Token{A'.repeat(megabyte / 8))).toEqual([]);
    });

    it('finds every one of 100 000 references in a row', () => {
      expect(findReferences('$Token{AB}'.repeat(100_000))).toHaveLength(100_000);
    });
  });
});
