import { ErrorCode, type FieldError } from '@switchboard/contracts';
import type { ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** The field that stands for a whole request body, in `details.fields` of a failure about the body itself. */
export const BODY_FIELD = 'body';

/**
 * Flattens class-validator's tree into one entry per invalid field, named by its full path (`envs.0.base_url`), or
 * by the key under it a message names (`input.params.id`).
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    return [...ownFieldErrors(error, field), ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The validation error every entry point raises, naming each invalid field. */
export function validationFailure(errors: ValidationError[]): DomainError {
  const fields = flattenValidationErrors(errors);
  const message = fields.length === 0 ? 'The request is invalid' : fields.map((f) => f.messages.join('; ')).join('; ');
  return new DomainError(ErrorCode.ValidationFailed, message, { fields });
}

/**
 * A failure about one field of a request, in the same shape as a validation error
 * (`details.fields`), whatever its code, so clients read every field error one way.
 */
export function fieldFailure(field: string, message: string, code: ErrorCode = ErrorCode.ValidationFailed, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(code, message, { ...details, fields: [{ field, messages: [message] }] });
}

// Whatever a field's rules, a null is refused as null (only fields that take null, like expires_at, pass it), so the
// caller reads what is wrong instead of the type the field would have had.
function ownFieldErrors(error: ValidationError, field: string): FieldError[] {
  if (!error.constraints) return [];
  if (error.value === null) return [{ field, messages: [`${field} must not be null`] }];
  const byField = new Map<string, string[]>();
  for (const message of Object.values(error.constraints).map((m) => qualify(m, error.property, field))) {
    const named = message.startsWith(`${field}.`) ? message.slice(0, message.indexOf(' ')) : field;
    byField.set(named, [...(byField.get(named) ?? []), message]);
  }
  return [...byField].map(([name, messages]) => ({ field: name, messages }));
}

// class-validator writes messages with the bare property name (or a key under it: `params.id`); nested fields need
// their full path to be findable.
function qualify(message: string, property: string, field: string): string {
  if (field === property || !(message.startsWith(`${property} `) || message.startsWith(`${property}.`))) return message;
  return `${field}${message.slice(property.length)}`;
}
