import type { SecretValues } from './secret-reference.js';

/** A lookup over either form of SecretValues; a record answers only for its own keys, never `constructor` or `__proto__` inherited. */
export function secretLookup(values: SecretValues): (key: string) => string | undefined {
  if (isMap(values)) return (key) => values.get(key);
  return (key) => {
    if (!Object.hasOwn(values, key)) return undefined;
    const value = values[key];
    return typeof value === 'string' ? value : undefined;
  };
}

/** The key/value pairs of either form of SecretValues, non-string values dropped. */
export function secretEntries(values: SecretValues): [key: string, value: string][] {
  const entries = isMap(values) ? [...values.entries()] : Object.entries(values);
  return entries.filter(([, value]) => typeof value === 'string');
}

function isMap(values: SecretValues): values is ReadonlyMap<string, string> {
  return values instanceof Map;
}
