import { LoggerModule } from 'nestjs-pino';
import { RequestMethod, type DynamicModule } from '@nestjs/common';
import { serializeError } from './error-serializer.js';
import { REDACTED_LOG_PATHS } from './redaction.js';

const HEALTH_PATHS = new Set(['/health', '/ready']);

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

/** pino logging for one service: JSON lines on stdout, credentials redacted, health probes not logged. */
export function platformLoggerModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      // Under Nest's fastify middleware req.url is relative to the mount point; originalUrl is the path requested.
      autoLogging: { ignore: (req) => HEALTH_PATHS.has(pathOf((req as { originalUrl?: string }).originalUrl ?? req.url)) },
      customProps: (req) => ({ workspace_id: (req as { workspaceId?: string }).workspaceId }),
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    },
  });
}
