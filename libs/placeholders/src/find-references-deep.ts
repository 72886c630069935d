import { findReferences } from './scan-references.js';
import type { LocatedReference } from './secret-reference.js';
import { forEachStringDeep } from './walk-json.js';

/** Every reference in the strings of a JSON-like value, with dotted paths under `path`; throws PlaceholderDepthError past 64 levels. */
export function findReferencesDeep(value: unknown, path = ''): LocatedReference[] {
  const located: LocatedReference[] = [];
  forEachStringDeep(value, path, (text, at) => {
    for (const reference of findReferences(text)) located.push({ ...reference, path: at });
  });
  return located;
}

/** The distinct keys referenced anywhere in value, in first-seen order; throws PlaceholderDepthError past 64 levels. */
export function referencedKeys(value: unknown): string[] {
  return [...new Set(findReferencesDeep(value).map((reference) => reference.key))];
}
