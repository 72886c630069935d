import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

// A calendar date, a time to the minute or finer, and a zone: week dates, ordinal dates, a bare year or a time without
// a zone pass ISO 8601 but name no single instant that JavaScript and PostgreSQL read alike.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether `value` is an ISO 8601 date-time with a zone that names one real instant (`2026-01-31T12:00:00.123456Z`). */
export function isInstant(value: unknown): boolean {
  return typeof value === 'string' && INSTANT_PATTERN.test(value) && isISO8601(value, { strict: true, strictSeparator: true }) && !Number.isNaN(Date.parse(value));
}

/** A query or body field holding one instant: an ISO 8601 date-time with its zone, kept as written (microseconds too). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 8601 date-time with a zone, such as 2026-01-31T12:00:00Z', ...options },
      validator: { validate: isInstant },
    });
  };
}
