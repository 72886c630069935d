import { ErrorCode } from './error-code.js';

/** The shape of every error, whether it crosses NATS or leaves the gateway as HTTP. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** One invalid field of a request, as reported in `details.fields` of a validation error. */
export interface FieldError {
  field: string;
  messages: string[];
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Tells a structured error body with a known code apart from anything else a transport may hand back. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return KNOWN_CODES.has(candidate.code as string) && typeof candidate.message === 'string';
}
