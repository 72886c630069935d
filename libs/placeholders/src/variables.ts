import { scanReferences, type Spelling } from './scan-references.js';
import { secretLookup } from './secret-values.js';
import type { SecretValues } from './secret-reference.js';
import { substituteWith } from './substitute.js';
import { forEachStringDeep, mapStringsDeep } from './walk-json.js';

/**
 * `$Variable{KEY}`: a variable of the connection env a run goes through (`variables: [{ key, value }]`). Variables
 * are substituted before secret references are looked for, so a variable whose value is `$Token{SENDGRID_API_KEY}`
 * brings that secret into the run under the same checks as one written in the input.
 */
const VARIABLE_SPELLINGS: readonly Spelling[] = [{ syntax: 'variable', opener: '$Variable{', closer: '}' }];

/** The distinct variable keys referenced (not escaped) in the strings of value, in first-seen order; throws PlaceholderDepthError past 64 levels. */
export function referencedVariableKeys(value: unknown): string[] {
  const keys = new Set<string>();
  forEachStringDeep(value, '', (text) => {
    for (const reference of scanReferences(text, VARIABLE_SPELLINGS)) if (!reference.escaped) keys.add(reference.key);
  });
  return [...keys];
}

/** Replaces `$Variable{KEY}` where KEY has a value, in a copy of value; secret references and their escapes are left for the secret pass. */
export function substituteVariablesDeep<T>(value: T, variables: SecretValues): T {
  const lookup = secretLookup(variables);
  return mapStringsDeep(value, (text) => (text.includes('$Variable{') ? substituteWith(text, lookup, VARIABLE_SPELLINGS) : text)) as T;
}
