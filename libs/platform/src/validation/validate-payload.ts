import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { compiledContractCheckOf } from './compiled-contract-check.js';
import { assertNestingWithinLimit } from './nesting-depth.js';
import { BODY_FIELD, fieldFailure, validationFailure } from './validation-failure.js';
import { memoiseValidationMetadata } from './validation-metadata-memo.js';

memoiseValidationMetadata();

/**
 * Turns an untrusted payload into a validated instance of `type`, rejecting unknown fields
 * so a typo in a request never passes silently. `envelopeLevels`: see {@link assertNestingWithinLimit}.
 * A payload the class's compiled check accepts skips class-validator, which would accept it too; any other payload,
 * and any class without a compiled check, goes through class-validator, whose errors name the fields.
 */
export async function validatePayload<T extends object>(type: ClassConstructor<T>, payload: unknown, envelopeLevels = 0): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw fieldFailure(BODY_FIELD, 'The request body must be a JSON object');
  }
  assertNestingWithinLimit(payload, envelopeLevels);
  assertNoNulCharacters(payload, '');
  // plainToInstance still runs on the accepted payload: handlers get the same instance as before, whose nested
  // objects are instances of their classes, and class-transformer drops keys such as `constructor` as it did.
  if (compiledContractCheckOf(type)?.(payload)) return plainToInstance(type, payload);
  return validateReflectively(type, payload);
}

/** class-validator's walk over `payload`, already known to be an object within the nesting limit and without NUL. */
export async function validateReflectively<T extends object>(type: ClassConstructor<T>, payload: object): Promise<T> {
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
