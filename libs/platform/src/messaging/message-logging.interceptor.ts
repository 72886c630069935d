import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { tap, type Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';

/** One log line per handled message, carrying its subject, workspace, outcome and duration. */
@Injectable()
export class MessageLoggingInterceptor implements NestInterceptor {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext('messages');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rpc = context.switchToRpc();
    const subject = rpc.getContext<{ getSubject?: () => string }>().getSubject?.() ?? 'unknown';
    const payload = rpc.getData<{ workspace_id?: unknown } | undefined>();
    const workspace_id = typeof payload?.workspace_id === 'string' ? payload.workspace_id : undefined;
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
    return next.handle().pipe(
      tap({
        next: () => this.logger.debug({ subject, workspace_id, duration_ms: elapsed() }, 'message handled'),
        error: (error: unknown) => {
          if (error instanceof DomainError) {
            this.logger.info({ subject, workspace_id, duration_ms: elapsed(), code: error.code }, 'message refused');
          } else {
            this.logger.error({ subject, workspace_id, duration_ms: elapsed(), err: error }, 'message failed');
          }
        },
      }),
    );
  }
}
