import { LoggerModule } from 'nestjs-pino';
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { levels } from 'pino';
import { activeTraceFields } from '../tracing/log-trace-fields.js';
import { isTracingOn } from '../tracing/start-tracing.js';
import { serializeError } from './error-serializer.js';
import { REDACTED_LOG_PATHS } from './redaction.js';

// Polled every few seconds by probes and scrapers: a line each would drown the requests worth reading.
const PROBE_PATHS = new Set(['/health', '/ready', '/health/live', '/health/ready', '/metrics']);

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

function isMadeUp(error: Error | undefined, status: number): boolean {
  return error?.message === `failed with status code ${status}`;
}

function withoutError(line: Record<string, unknown>): Record<string, unknown> {
  const { err: _error, ...rest } = line;
  return rest;
}

/**
 * pino logging for one service: JSON lines on stdout, credentials redacted, health probes and metrics scrapes not logged.
 *
 * pino-http writes its line per request at info. Above info it would write none, yet still build a child logger with
 * its bindings and redaction for every request (a tenth of the gateway's CPU on `actions.run`), so it is only mounted
 * when its lines can be written; unexpected failures are logged by the error filters at every level.
 *
 * When the service traces (start tracing before building this module), each line written inside a span carries its
 * `trace_id` and `span_id`; otherwise no mixin is installed, so an untraced line costs nothing more.
 */
export function platformLoggerModule(service: string, level: string): DynamicModule {
  const logsRequests = levels.values[level] !== undefined && levels.values[level] <= levels.values.info;
  return LoggerModule.forRoot({
    forRoutes: logsRequests ? [{ path: '*path', method: RequestMethod.ALL }] : [],
    pinoHttp: {
      level,
      base: { service },
      mixin: isTracingOn() ? activeTraceFields : undefined,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      // Under Nest's fastify middleware req.url is relative to the mount point; originalUrl is the path requested.
      autoLogging: { ignore: (req) => PROBE_PATHS.has(pathOf((req as { originalUrl?: string }).originalUrl ?? req.url)) },
      customProps: (req) => ({ workspace_id: (req as { workspaceId?: string }).workspaceId }),
      // A 5xx answer is mostly an upstream's or a dependency's (502, 503, 504), already coded in the answer: a warning
      // without the error pino-http makes up for it ("failed with status code …") and that error's stack. A real error
      // on the response stays an error, with its stack.
      customLogLevel: (_req, res, error) => (error && !isMadeUp(error, res.statusCode) ? 'error' : res.statusCode >= 500 ? 'warn' : 'info'),
      customErrorObject: (_req, res, error, line: Record<string, unknown>) => (isMadeUp(error, res.statusCode) ? withoutError(line) : line),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    },
  });
}
