import { scanReferences, SECRET_SPELLINGS, type Spelling } from './scan-references.js';
import type { SecretValues } from './secret-reference.js';
import { secretLookup } from './secret-values.js';
import { mapStringsDeep } from './walk-json.js';

/** Replaces references whose key has a value, removes escapes and leaves other references as they are; never throws. */
export function substitute(text: string, values: SecretValues): string {
  return substituteWith(text, secretLookup(values));
}

/** substitute applied to every string of a JSON-like value, in a new structure; throws PlaceholderDepthError past 64 levels. */
export function substituteDeep<T>(value: T, values: SecretValues): T {
  const lookup = secretLookup(values);
  return mapStringsDeep(value, (text) => substituteWith(text, lookup)) as T;
}

/** substitute with a lookup, over the references of the given spellings (secret ones by default). */
export function substituteWith(text: string, lookup: (key: string) => string | undefined, spellings: readonly Spelling[] = SECRET_SPELLINGS): string {
  const references = scanReferences(text, spellings);
  if (references.length === 0) return text;
  const parts: string[] = [];
  let copiedUpTo = 0;
  for (const reference of references) {
    parts.push(text.slice(copiedUpTo, reference.escapeStart));
    // Before a reference, `\\` stands for one backslash and a remaining odd `\` is the escape itself.
    parts.push('\\'.repeat((reference.start - reference.escapeStart) >> 1));
    const value = reference.escaped ? undefined : lookup(reference.key);
    // Inserted as is: a value that looks like a reference is not resolved again.
    parts.push(value ?? reference.raw);
    copiedUpTo = reference.end;
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}
