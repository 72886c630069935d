// SQLSTATE classes and codes that say the server is not there for us (https://www.postgresql.org/docs/current/errcodes-appendix.html):
// 08 connection exception; 57P01-57P03 the server shutting down or starting; 53300 too many connections.
const UNREACHABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;
const UNREACHABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres and pg-pool say so in words only.
const UNREACHABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/**
 * Whether a failure is PostgreSQL being out of reach (stopped, restarting, the network to it cut), as opposed to a
 * query being wrong: the first is worth a 503 and another try, the second is a bug. TypeORM wraps the driver's error
 * (`driverError`), a failed connect may be an AggregateError of one per address, and causes chain.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const candidate = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof candidate.code === 'string' && (UNREACHABLE_SQLSTATES.test(candidate.code) || UNREACHABLE_SOCKET_CODES.has(candidate.code))) return true;
  if (typeof candidate.message === 'string' && UNREACHABLE_MESSAGES.some((words) => (candidate.message as string).includes(words))) return true;
  const inner: unknown[] = [candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? (candidate.errors as unknown[]) : [])];
  return inner.some((nested) => isDatabaseUnreachable(nested, depth + 1));
}
