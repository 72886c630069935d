import { fieldFailure } from './validation-failure.js';

/**
 * Refuses a list that names the same key twice (two `prd` envs, two `charge` actions):
 * the second would otherwise silently overwrite the first.
 */
export function assertUniqueKeys<T>(items: readonly T[], keyOf: (item: T) => string | undefined, listName: string, keyName: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const first = seen.get(key);
    if (first !== undefined) {
      const field = `${listName}.${index}.${keyName}`;
      throw fieldFailure(field, `${field} '${key}' is already listed at ${listName}.${first}`);
    }
    seen.set(key, index);
  });
}
