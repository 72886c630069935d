import { stdSerializers } from 'pino';

// TypeORM's QueryFailedError carries the SQL and its bound parameters, which hold connection
// variables and auth data: a failed write must never print them.
const UNSAFE_ERROR_FIELDS = ['parameters', 'query', 'driverError'] as const;

/** pino's error serializer without the fields through which database errors leak stored values. */
export function serializeError(error: Error): Record<string, unknown> {
  const serialized: Record<string, unknown> = { ...stdSerializers.err(error) };
  for (const field of UNSAFE_ERROR_FIELDS) delete serialized[field];
  return serialized;
}
