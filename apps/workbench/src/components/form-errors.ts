import { SwitchboardError, type FieldError } from '@switchboard/sdk';

/** An API failure split for a form: messages for the fields it names, and the error itself when it names none. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  /** The error when no field of the form is named in it: show it in an ApiErrorAlert above the form. */
  unplaced: unknown;
}

/**
 * Puts an API error beside the form field it names. `fieldsByApiName` maps the API's field names (`details.fields[].field`
 * of a validation error, or `details.field` of an SDK `invalid_argument`) to the form's own, e.g. `{ product: 'tag' }` for
 * the product tag the API reads from the path; a nested name (`envs[0].slug`) not mapped itself lands on its top-level field (`envs`).
 */
export function formErrorsOf<Field extends string>(error: unknown, fieldsByApiName: Readonly<Record<string, Field>>): FormErrors<Field> {
  const fields: Partial<Record<Field, string>> = {};
  if (error === null || error === undefined) return { fields, unplaced: undefined };
  for (const { field, messages } of fieldErrorsOf(error)) {
    const formField = fieldsByApiName[field] ?? fieldsByApiName[topLevelName(field)];
    if (formField !== undefined) fields[formField] = [fields[formField], ...messages].filter(Boolean).join('; ');
  }
  return { fields, unplaced: Object.keys(fields).length === 0 ? error : undefined };
}

function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof SwitchboardError)) return [];
  const { fields, field } = error.details;
  if (Array.isArray(fields)) return fields.filter(isFieldError);
  return typeof field === 'string' ? [{ field, messages: [error.message] }] : [];
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { field, messages } = value as Record<string, unknown>;
  return typeof field === 'string' && Array.isArray(messages) && messages.every((message) => typeof message === 'string');
}

function topLevelName(field: string): string {
  return /^[^.[]+/.exec(field)?.[0] ?? field;
}
