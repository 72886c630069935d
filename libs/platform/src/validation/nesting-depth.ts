import { NESTING_MAX_DEPTH } from '@switchboard/contracts';
import { fieldFailure } from './validation-failure.js';

/** A NATS request carries the caller's HTTP body one level down, under one field (`run`, `changes`, `request`). */
export const MESSAGE_ENVELOPE_LEVELS = 1;

interface Container {
  value: object;
  level: number;
  field: string;
}

/**
 * Refuses a payload whose fields nest objects and arrays more than NESTING_MAX_DEPTH levels deep, each top-level
 * field's value being level 1. It walks without recursion (see {@link fieldNestedDeeperThan}), so it can run before
 * anything else walks the payload (the NUL scan, class-transformer, structuredClone), which would overflow the call
 * stack on a body nested 10,000 deep. `envelopeLevels` are the levels a message wraps around the caller's fields (a
 * NATS request carries the HTTP body under one field): they are not counted, and the field named is the caller's.
 */
export function assertNestingWithinLimit(payload: object, envelopeLevels = 0): void {
  const field = fieldNestedDeeperThan(payload, NESTING_MAX_DEPTH, envelopeLevels);
  if (field !== undefined) throw fieldFailure(field, `${field} is nested deeper than ${NESTING_MAX_DEPTH} levels`);
}

/**
 * The first field of `payload` (dotted from the caller's level, see assertNestingWithinLimit) whose value nests
 * objects and arrays more than `maxDepth` levels deep, or undefined. It walks with its own stack, never recursing,
 * so any depth is measured without overflowing the call stack.
 */
export function fieldNestedDeeperThan(payload: object, maxDepth: number, envelopeLevels = 0): string | undefined {
  const stack: Container[] = [{ value: payload, level: -envelopeLevels, field: '' }];
  for (let container = stack.pop(); container !== undefined; container = stack.pop()) {
    const { value, level, field } = container;
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item !== 'object' || item === null) continue;
      const itemField = level < 1 ? (field === '' ? key : `${field}.${key}`) : field;
      if (level + 1 > maxDepth) return itemField;
      stack.push({ value: item, level: level + 1, field: itemField });
    }
  }
  return undefined;
}
