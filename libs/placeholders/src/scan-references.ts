import type { ReferenceSyntax, SecretReference } from './secret-reference.js';

/** Longest key a reference may name, as for secret keys themselves. */
export const SECRET_REFERENCE_KEY_MAX_LENGTH = 128;

/** How one kind of reference is written. */
export interface Spelling {
  readonly syntax: ReferenceSyntax;
  readonly opener: string;
  readonly closer: string;
}

// The openers differ from their second character on, so at most one can match at a given `$`.
export const SECRET_SPELLINGS: readonly Spelling[] = [
  { syntax: 'token', opener: '$Token{', closer: '}' },
  { syntax: 'secret', opener: '$Secret{', closer: '}' },
  { syntax: 'paren', opener: '$(secret:', closer: ')' },
];

const BACKSLASH = 0x5c;

/** A syntactically valid reference, escaped or not, with the run of backslashes right before it. */
export interface ScannedReference extends SecretReference {
  /** Start of the backslashes directly before the reference (`=== start` when there are none). */
  readonly escapeStart: number;
  /** An odd number of backslashes before it makes the reference literal text. */
  readonly escaped: boolean;
}

/** Every valid reference in text (secret references unless told which spellings), escaped ones included, in order; one pass, never throws. */
export function scanReferences(text: string, spellings: readonly Spelling[] = SECRET_SPELLINGS): ScannedReference[] {
  const found: ScannedReference[] = [];
  let previousEnd = 0;
  let dollar = text.indexOf('$');
  while (dollar !== -1) {
    const match = matchReferenceAt(text, dollar, spellings);
    if (match === undefined) {
      dollar = text.indexOf('$', dollar + 1);
      continue;
    }
    // Backslashes are counted back only to the previous reference, so each character is looked at a bounded number of times.
    let escapeStart = dollar;
    while (escapeStart > previousEnd && text.charCodeAt(escapeStart - 1) === BACKSLASH) escapeStart--;
    found.push({
      key: match.key,
      start: dollar,
      end: match.end,
      raw: text.slice(dollar, match.end),
      syntax: match.syntax,
      escapeStart,
      escaped: (dollar - escapeStart) % 2 === 1,
    });
    previousEnd = match.end;
    dollar = text.indexOf('$', match.end);
  }
  return found;
}

/** Every secret reference in text, in order, without the escaped ones; never throws. */
export function findReferences(text: string): SecretReference[] {
  return scanReferences(text)
    .filter((reference) => !reference.escaped)
    .map(({ key, start, end, raw, syntax }) => ({ key, start, end, raw, syntax }));
}

function matchReferenceAt(text: string, at: number, spellings: readonly Spelling[]): { key: string; end: number; syntax: ReferenceSyntax } | undefined {
  const spelling = spellings.find((candidate) => text.startsWith(candidate.opener, at));
  if (spelling === undefined) return undefined;
  const keyStart = at + spelling.opener.length;
  // Reading one key character past the limit is enough to tell a too-long key, and keeps the work per `$` bounded.
  const limit = Math.min(text.length, keyStart + SECRET_REFERENCE_KEY_MAX_LENGTH + 1);
  let keyEnd = keyStart;
  while (keyEnd < limit && isKeyCharacter(text.charCodeAt(keyEnd))) keyEnd++;
  const keyLength = keyEnd - keyStart;
  if (keyLength === 0 || keyLength > SECRET_REFERENCE_KEY_MAX_LENGTH || text[keyEnd] !== spelling.closer) return undefined;
  return { key: text.slice(keyStart, keyEnd), end: keyEnd + 1, syntax: spelling.syntax };
}

/** `[A-Za-z0-9_]`, the characters of a secret key. */
function isKeyCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f
  );
}
