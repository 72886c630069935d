import { PLACEHOLDER_MAX_DEPTH, PlaceholderDepthError } from './placeholder-depth.error.js';

type PlainObject = Record<string, unknown>;

/** Calls visit with every string in value (object keys excluded) and its dotted path. */
export function forEachStringDeep(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  walk(value, path, 1);

  function walk(node: unknown, at: string, level: number): void {
    if (typeof node === 'string') {
      visit(node, at);
    } else if (Array.isArray(node)) {
      refuseTooDeep(at, level);
      node.forEach((item: unknown, index) => {
        walk(item, childPath(at, String(index)), level + 1);
      });
    } else if (isPlainObject(node)) {
      refuseTooDeep(at, level);
      for (const key of Object.keys(node)) walk(node[key], childPath(at, key), level + 1);
    }
  }
}

/** A copy of value with every string (object keys excluded) replaced by transform(string); value itself is left as it is. */
export function mapStringsDeep(value: unknown, transform: (text: string) => string): unknown {
  return map(value, '', 1);

  function map(node: unknown, at: string, level: number): unknown {
    if (typeof node === 'string') return transform(node);
    if (Array.isArray(node)) {
      refuseTooDeep(at, level);
      return node.map((item: unknown, index) => map(item, childPath(at, String(index)), level + 1));
    }
    if (isPlainObject(node)) {
      refuseTooDeep(at, level);
      // fromEntries defines properties, so an own `__proto__` key stays a key instead of setting the prototype.
      const copy: PlainObject = Object.fromEntries(
        Object.keys(node).map((key) => [key, map(node[key], childPath(at, key), level + 1)]),
      );
      return Object.getPrototypeOf(node) === null ? Object.setPrototypeOf(copy, null) : copy;
    }
    return node;
  }
}

function refuseTooDeep(path: string, level: number): void {
  if (level > PLACEHOLDER_MAX_DEPTH) throw new PlaceholderDepthError(path);
}

function childPath(parent: string, segment: string): string {
  return parent === '' ? segment : `${parent}.${segment}`;
}

/** Objects as JSON.parse makes them: the prototype is a root prototype (Object.prototype of any realm) or null. Class instances, Dates, Maps and Buffers are not. */
function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
