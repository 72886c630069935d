import { fieldFailure } from './validation-failure.js';

/**
 * Refuses a list that names the same key twice (two `prd` envs, two `charge` actions):
 * the second would otherwise silently overwrite the first. `keyName` may depend on the item, where a key can be
 * given under two names, so the field named is the one the caller sent.
 */
export function assertUniqueKeys<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  listName: string,
  keyName: string | ((item: T) => string),
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const first = seen.get(key);
    if (first !== undefined) {
      const field = `${listName}.${index}.${typeof keyName === 'string' ? keyName : keyName(item)}`;
      throw fieldFailure(field, `${field} '${key}' is already listed at ${listName}.${first}`);
    }
    seen.set(key, index);
  });
}
