import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from './class-transformer-storage.js';

type Lookup = (target: object, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];

const MEMOISED = Symbol.for('switchboard.validation-metadata-memo');

const TRANSFORMER_ADDERS = ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata'] as const;

let rulesVersion = 0;

/**
 * Counts the class-validator rules and class-transformer metadata registered since memoiseValidationMetadata ran,
 * so that whatever is built from them (compiled validators) knows when to build again.
 */
export function validationRulesVersion(): number {
  return rulesVersion;
}

/**
 * class-validator finds a class's rules on every `validate()` by scanning every registered class (one
 * `instanceof` per class), for the payload and again for each nested object; profiling the run path showed it as
 * the largest single cost of validating a request. Rules only change when a decorated class is defined, so the
 * lookups are memoised per class and the memo is emptied whenever a rule is registered. Idempotent.
 */
export function memoiseValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Record<string | symbol, unknown> & {
    getTargetValidationMetadatas: Lookup;
    addValidationMetadata: (metadata: unknown) => void;
  };
  if (storage[MEMOISED]) return;
  storage[MEMOISED] = true;

  let memo = new WeakMap<object, Map<string, unknown[]>>();
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);

  storage.addValidationMetadata = (metadata) => {
    memo = new WeakMap();
    rulesVersion += 1;
    register(metadata);
  };
  const transformer = defaultMetadataStorage as unknown as Record<(typeof TRANSFORMER_ADDERS)[number], (metadata: unknown) => void>;
  for (const adder of TRANSFORMER_ADDERS) {
    const add = transformer[adder].bind(transformer);
    transformer[adder] = (metadata) => {
      rulesVersion += 1;
      add(metadata);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = memo.get(target);
    if (!byOptions) memo.set(target, (byOptions = new Map<string, unknown[]>()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    // A copy, so that no caller can change what the next lookup returns.
    return found.slice();
  };
}
