import { ErrorCode, type ErrorBody } from '@switchboard/contracts';
import { DomainError } from './domain-error.js';

/** The wire form of any thrown value; unexpected errors never leak their internals. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return error.toBody();
  return { code: ErrorCode.InternalError, message: 'An unexpected error occurred', details: {} };
}
