import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { assertNestingWithinLimit } from './nesting-depth.js';
import { BODY_FIELD, fieldFailure, validationFailure } from './validation-failure.js';
import { memoiseValidationMetadata } from './validation-metadata-memo.js';

memoiseValidationMetadata();

/**
 * Turns an untrusted payload into a validated instance of `type`, rejecting unknown fields
 * so a typo in a request never passes silently. `envelopeLevels`: see {@link assertNestingWithinLimit}.
 */
export async function validatePayload<T extends object>(type: ClassConstructor<T>, payload: unknown, envelopeLevels = 0): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw fieldFailure(BODY_FIELD, 'The request body must be a JSON object');
  }
  assertNestingWithinLimit(payload, envelopeLevels);
  assertNoNulCharacters(payload, '');
  const instance = plainToInstance(type, payload);
  // One message per field: contracts list each field's type check last, so it is the one reported for a wrong type.
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) throw validationFailure(errors);
  return instance;
}

// PostgreSQL cannot store U+0000 in text or jsonb; refusing it here turns a database error into a clear 400.
function assertNoNulCharacters(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw fieldFailure(path || BODY_FIELD, `${path || BODY_FIELD} must not contain the NUL character`);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) throw fieldFailure(path || BODY_FIELD, `${path || BODY_FIELD} must not have a key containing the NUL character`);
    assertNoNulCharacters(item, field);
  }
}
