import { ErrorCode, type ErrorBody } from '@switchboard/contracts';
import { isDatabaseUnreachable } from './database-unreachable.js';
import { DomainError } from './domain-error.js';

/** The wire form of any thrown value; unexpected errors never leak their internals. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return error.toBody();
  if (isDatabaseUnreachable(error)) return { code: ErrorCode.DatabaseUnavailable, message: 'The database cannot be reached: try again shortly', details: {} };
  return { code: ErrorCode.InternalError, message: 'An unexpected error occurred', details: {} };
}
