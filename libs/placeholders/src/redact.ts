import type { SecretValues } from './secret-reference.js';
import { secretEntries } from './secret-values.js';
import { mapStringsDeep } from './walk-json.js';

/** Shorter values are left alone: they would shred ordinary text and hide little. */
export const REDACT_MIN_VALUE_LENGTH = 4;

/** Replaces every occurrence of a secret value (length ≥ 4) in text with its `$Token{KEY}`, longest values first; never throws. */
export function redact(text: string, values: SecretValues): string {
  return redactor(values)(text);
}

/** redact applied to every string of a JSON-like value, in a new structure; throws PlaceholderDepthError past 64 levels. */
export function redactDeep<T>(value: T, values: SecretValues): T {
  return mapStringsDeep(value, redactor(values)) as T;
}

function redactor(values: SecretValues): (text: string) => string {
  const referenceByValue = new Map<string, string>();
  for (const [key, secret] of secretEntries(values)) {
    // When two keys share a value, the first one names it.
    if (secret.length >= REDACT_MIN_VALUE_LENGTH && !referenceByValue.has(secret)) {
      referenceByValue.set(secret, `$Token{${key}}`);
    }
  }
  if (referenceByValue.size === 0) return (text) => text;
  // One pass over the text: at each position the alternation tries the longest value first, so a value
  // containing another is replaced whole, and inserted references are never searched again.
  const secrets = [...referenceByValue.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(secrets.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, (secret) => referenceByValue.get(secret) ?? secret);
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}
