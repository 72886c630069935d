import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';

/** The credentials of one connection auth entry: values substituted at run time, references as written when planning. */
export type AuthData = Readonly<Record<string, string | number | boolean>>;

/** A credential the scheme cannot work without, or a clear 400 naming the scheme and the missing field. */
export function requiredCredential(data: AuthData, field: string, schemeTag: string): string {
  const value = optionalCredential(data, field);
  if (value === undefined) {
    throw new DomainError(ErrorCode.ValidationFailed, `The connection's auth '${schemeTag}' has no ${field}`, { auth_tag: schemeTag, field });
  }
  return value;
}

/** A credential the scheme can do without; an empty string counts as absent. */
export function optionalCredential(data: AuthData, field: string): string | undefined {
  const value = data[field];
  return value === undefined || value === '' ? undefined : String(value);
}
