import { ErrorCode, type FieldError } from '@switchboard/contracts';
import type { ValidationError } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** Flattens class-validator's tree into one entry per invalid field, named by its full path (`envs.0.base_url`). */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints).map((m) => qualify(m, error.property, field)) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
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

// class-validator writes messages with the bare property name (or a key under it: `params.id`); nested fields need
// their full path to be findable.
function qualify(message: string, property: string, field: string): string {
  if (field === property || !(message.startsWith(`${property} `) || message.startsWith(`${property}.`))) return message;
  return `${field}${message.slice(property.length)}`;
}
