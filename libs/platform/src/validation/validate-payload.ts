import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import { validationFailure } from './validation-failure.js';

/**
 * Turns an untrusted payload into a validated instance of `type`, rejecting unknown fields
 * so a typo in a request never passes silently.
 */
export async function validatePayload<T extends object>(type: ClassConstructor<T>, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw validationFailure([]);
  }
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw validationFailure(errors);
  return instance;
}
