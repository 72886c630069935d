import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@switchboard/contracts';
import { databaseOutageLog, DomainError, toErrorBody, type OutageLog } from '@switchboard/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { httpStatusOf } from './http-status-of.js';
import { isImportRoute } from './import-bodies.js';
import { isWebhookReceiptRoute } from '../webhooks/webhook-bodies.js';
import { bodyTooLarge, unsupportedMediaType } from './json-bodies.js';

/** Turns every failure into `{code, message, details}` with the status its code maps to. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext('http');
    this.#outages = databaseOutageLog(logger);
  }

  readonly #outages: OutageLog;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const body = this.answer(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    void http.getResponse<FastifyReply>().send(body);
  }

  /**
   * Logs a failure as it deserves, sets the reply's status (and Retry-After) and returns the body to send: for a
   * failure the handler's exception filter never sees, such as one in a fastify hook.
   */
  answer(exception: unknown, request: FastifyRequest, reply: FastifyReply): ErrorBody {
    const body = this.bodyOf(exception, request);
    if (body.code === ErrorCode.InternalError) this.logger.error({ err: exception }, 'request failed');
    if (body.code === ErrorCode.DatabaseUnavailable) this.#outages.note(exception);
    const retryAfterMs = body.code === ErrorCode.ConnectionRateLimited ? body.details.retry_after_ms : undefined;
    // The executor says when the connection's next turn is free; HTTP clients read it in whole seconds.
    if (typeof retryAfterMs === 'number') void reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
    void reply.status(httpStatusOf(body.code));
    return body;
  }

  private bodyOf(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof DomainError) return exception.toBody();
    if (exception instanceof HttpException) return this.fromFramework(exception.getStatus(), exception.message, request);
    const fastifyError = exception as { statusCode?: number; message?: string };
    if (typeof fastifyError.statusCode === 'number') return this.fromFramework(fastifyError.statusCode, fastifyError.message ?? '', request);
    return toErrorBody(exception);
  }

  // Errors raised before our code runs: unknown routes, oversized bodies, content types without a parser.
  private fromFramework(status: number, message: string, request: FastifyRequest): ErrorBody {
    if (status === 404) return { code: ErrorCode.RouteNotFound, message: 'No such route', details: {} };
    if (status === 413) return bodyTooLarge(request.routeOptions.bodyLimit, bodyLimitSettingOf(request)).toBody();
    if (status === 415) return unsupportedMediaType(request.headers['content-type']).toBody();
    // A fixed message: fastify's own may quote a piece of the body, which may be a secret value.
    if (status === 400) return { code: ErrorCode.ValidationFailed, message: 'The request body could not be read: it must be valid JSON', details: {} };
    return toErrorBody(new Error(message));
  }
}

function bodyLimitSettingOf(request: FastifyRequest): string | undefined {
  if (isImportRoute(request)) return "the import routes' limit";
  return isWebhookReceiptRoute(request) ? 'WEBHOOK_BODY_LIMIT_BYTES' : undefined;
}
