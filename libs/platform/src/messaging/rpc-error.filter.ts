import { Catch, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode } from '@switchboard/contracts';
import { PinoLogger } from 'nestjs-pino';
import { throwError, type Observable } from 'rxjs';
import { databaseOutageLog } from '../errors/database-unreachable.js';
import type { OutageLog } from '../errors/outage-log.js';
import { toErrorBody } from '../errors/to-error-body.js';

/**
 * Sends every handler failure back over NATS as `{code, message, details}`, and logs the unexpected ones with their
 * error (refusals, DomainErrors, are logged by ServiceNatsServer with the rest of the messages).
 */
@Catch()
@Injectable()
export class RpcErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext('messages');
    this.#outages = databaseOutageLog(logger);
  }

  readonly #outages: OutageLog;

  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    const body = toErrorBody(exception);
    if (body.code === ErrorCode.DatabaseUnavailable) this.#outages.note(exception, { subject: host.switchToRpc().getContext<{ getSubject?: () => string }>().getSubject?.() });
    if (body.code === ErrorCode.InternalError) {
      const rpc = host.switchToRpc();
      const subject = rpc.getContext<{ getSubject?: () => string }>().getSubject?.() ?? 'unknown';
      const workspace = rpc.getData<{ workspace_id?: unknown } | undefined>()?.workspace_id;
      this.logger.error({ subject, workspace_id: typeof workspace === 'string' ? workspace : undefined, err: exception }, 'message failed');
    }
    return throwError(() => body);
  }
}
