import { findReferences, scanReferences } from './scan-references.js';
import type { SecretReference } from './secret-reference.js';
import { substitute } from './substitute.js';

/** mulberry32: a tiny seeded PRNG, so every run generates the same strings and a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces chosen to collide with the grammar: openers whole and in parts, closers, escapes, key characters
// on both sides of the 128 limit, and unicode (surrogate pairs, lone surrogates, combining marks, RTL).
const ALPHABET = [
  '$', '{', '}', '(', ')', '\\', '\\\\', ':', 'a', 'Z', '_', '7', '-', ' ', 'secret', 'Secret', 'Token', 'token',
  '$Token{', '$Secret{', '$(secret:', '$(secret', 'KEY', 'B', 'K'.repeat(127), '😀', '\uD83D', '\uDC00', 'e\u0301',
  'ש', 'م', '\u202E', '＄',
];

const pick = <T>(random: () => number, choices: readonly T[]): T => choices[Math.floor(random() * choices.length)];

/** Mostly single pieces; sometimes an almost-reference, so that valid, escaped and broken references all come up often. */
function randomText(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) {
    text +=
      random() < 0.85
        ? pick(random, ALPHABET)
        : pick(random, ['', '\\', '\\\\', '\\\\\\']) +
          pick(random, ['$Token{', '$Secret{', '$(secret:']) +
          pick(random, ['KEY', 'B', 'a_7', '', 'K'.repeat(128), 'bad-key']) +
          pick(random, ['}', ')', '', '{']);
  }
  return text;
}

// An independent model of the grammar for comparison: a run of backslashes, then one valid reference.
// Its backtracking over long backslash runs is fine for the short strings generated here.
const REFERENCE_MODEL = /(\\*)\$(?:Token\{([A-Za-z0-9_]{1,128})\}|Secret\{([A-Za-z0-9_]{1,128})\}|\(secret:([A-Za-z0-9_]{1,128})\))/g;

interface ModelReference extends SecretReference {
  escaped: boolean;
}

function modelReferences(text: string): ModelReference[] {
  return [...text.matchAll(REFERENCE_MODEL)].map((match) => {
    const backslashes = match[1]?.length ?? 0;
    const start = match.index + backslashes;
    const raw = match[0].slice(backslashes);
    const syntax = match[2] !== undefined ? 'token' : match[3] !== undefined ? 'secret' : 'paren';
    const key = match[2] ?? match[3] ?? match[4] ?? '';
    return { key, start, end: start + raw.length, raw, syntax, escaped: backslashes % 2 === 1 };
  });
}

/** The text with only escapes removed: before each reference, backslashes halved. */
function withoutEscapes(text: string): string {
  return text.replace(REFERENCE_MODEL, (whole, backslashes: string) => {
    return '\\'.repeat(backslashes.length >> 1) + whole.slice(backslashes.length);
  });
}

const RUNS = 5000;
const SEED = 0x5eed_0002;

function forEachGeneratedText(check: (text: string, random: () => number) => void): void {
  const random = mulberry32(SEED);
  for (let run = 0; run < RUNS; run++) {
    const text = randomText(random);
    try {
      check(text, random);
    } catch (error) {
      throw new Error(`Property failed for run ${run} on ${JSON.stringify(text)}`, { cause: error });
    }
  }
}

describe('references on random adversarial strings', () => {
  it('generates strings that do contain references, escaped references and lookalikes', () => {
    let references = 0;
    let escaped = 0;
    forEachGeneratedText((text) => {
      const scanned = scanReferences(text);
      references += scanned.filter((reference) => !reference.escaped).length;
      escaped += scanned.filter((reference) => reference.escaped).length;
    });
    expect(references).toBeGreaterThan(1000);
    expect(escaped).toBeGreaterThan(500);
  });

  it('never throws', () => {
    forEachGeneratedText((text) => {
      expect(() => findReferences(text)).not.toThrow();
      expect(() => substitute(text, { KEY: 'v', B: 'w' })).not.toThrow();
    });
  });

  it('reports raw text equal to the slice between start and end', () => {
    forEachGeneratedText((text) => {
      for (const reference of findReferences(text)) expect(text.slice(reference.start, reference.end)).toBe(reference.raw);
    });
  });

  it('reports references in order and without overlap', () => {
    forEachGeneratedText((text) => {
      let previousEnd = 0;
      for (const reference of findReferences(text)) {
        expect(reference.start).toBeGreaterThanOrEqual(previousEnd);
        expect(reference.end).toBeGreaterThan(reference.start);
        previousEnd = reference.end;
      }
    });
  });

  it('agrees with an independent regular-expression model of the grammar', () => {
    forEachGeneratedText((text) => {
      const model = modelReferences(text);
      expect(scanReferences(text).map(({ key, start, end, escaped }) => ({ key, start, end, escaped }))).toEqual(
        model.map(({ key, start, end, escaped }) => ({ key, start, end, escaped })),
      );
      const expected = model
        .filter((reference) => !reference.escaped)
        .map(({ key, start, end, raw, syntax }) => ({ key, start, end, raw, syntax }));
      expect(findReferences(text)).toEqual(expected);
    });
  });

  it('substitutes nothing but removes escapes when there are no values', () => {
    forEachGeneratedText((text) => {
      expect(substitute(text, {})).toBe(withoutEscapes(text));
    });
  });

  it('leaves no reference to a substituted key except escaped ones that lost their escape', () => {
    forEachGeneratedText((text, random) => {
      const scanned = scanReferences(text);
      // Values without `$` cannot start a reference; the `-` keeps them from completing one either
      // (as in `$Token{$Token{A}}` becoming `$Token{<value of A>}`), since it is not a key character.
      const values = new Map<string, string>();
      for (const reference of scanned) if (random() < 0.7) values.set(reference.key, `v-${reference.key}-😀`);
      const substitutedKeys = new Set(values.keys());
      // `\$Token{A}` comes out as the reference `$Token{A}`, by design; `\\\$Token{A}` comes out still escaped.
      const unescapedBySubstitution = scanned.filter(
        (reference) =>
          reference.escaped && substitutedKeys.has(reference.key) && ((reference.start - reference.escapeStart) >> 1) % 2 === 0,
      ).length;
      const remaining = findReferences(substitute(text, values)).filter((reference) => substitutedKeys.has(reference.key));
      expect(remaining).toHaveLength(unescapedBySubstitution);
      if (!text.includes('\\')) expect(remaining).toEqual([]);
    });
  });

  it('gets through 1 MB of random adversarial text', () => {
    const random = mulberry32(SEED + 1);
    const pieces: string[] = [];
    let length = 0;
    while (length < 1024 * 1024) {
      const piece = randomText(random);
      pieces.push(piece);
      length += piece.length;
    }
    const text = pieces.join('');
    const references = findReferences(text);
    for (const reference of references) expect(text.slice(reference.start, reference.end)).toBe(reference.raw);
    expect(substitute(text, {})).toBe(withoutEscapes(text));
  });
});
