import { OutageLog, type OutageLogger } from './outage-log.js';

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
export function isDatabaseUnreachable(error: unknown): boolean {
  return unreachableCause(error) !== undefined;
}

/** The error that says the database is out of reach, for the log: its code and message only (never a query or its parameters). */
export function unreachableCause(error: unknown, depth = 0): { code?: string; message: string } | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const candidate = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof candidate.code === 'string' ? candidate.code : undefined;
  const message = typeof candidate.message === 'string' ? candidate.message : '';
  if ((code !== undefined && (UNREACHABLE_SQLSTATES.test(code) || UNREACHABLE_SOCKET_CODES.has(code))) || UNREACHABLE_MESSAGES.some((words) => message.includes(words))) {
    return { code, message };
  }
  const inner: unknown[] = [candidate.driverError, candidate.cause, ...(Array.isArray(candidate.errors) ? (candidate.errors as unknown[]) : [])];
  for (const nested of inner) {
    const found = unreachableCause(nested, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Warns that the database is out of reach, with the driver's reason only, at most once a second. */
export function databaseOutageLog(logger: OutageLogger): OutageLog {
  return new OutageLog(logger, 'the database cannot be reached; answered database_unavailable', unreachableCause);
}
