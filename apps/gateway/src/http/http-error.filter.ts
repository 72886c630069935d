import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@switchboard/contracts';
import { DomainError, toErrorBody } from '@switchboard/platform';
import type { FastifyReply } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { httpStatusOf } from './http-status-of.js';

/** Turns every failure into `{code, message, details}` with the status its code maps to. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext('http');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.bodyOf(exception);
    if (body.code === ErrorCode.InternalError) this.logger.error({ err: exception }, 'request failed');
    void host.switchToHttp().getResponse<FastifyReply>().status(httpStatusOf(body.code)).send(body);
  }

  private bodyOf(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) return exception.toBody();
    if (exception instanceof HttpException) return this.fromFramework(exception.getStatus(), exception.message);
    const fastifyError = exception as { statusCode?: number; message?: string };
    if (typeof fastifyError.statusCode === 'number') return this.fromFramework(fastifyError.statusCode, fastifyError.message ?? '');
    return toErrorBody(exception);
  }

  // Errors raised before our code runs: unknown routes, oversized or unparsable bodies.
  private fromFramework(status: number, message: string): ErrorBody {
    if (status === 404) return { code: ErrorCode.RouteNotFound, message: 'No such route', details: {} };
    if (status === 413) return { code: ErrorCode.PayloadTooLarge, message: `The request body is too large: ${message}`, details: {} };
    // A fixed message: the parser's own quotes a piece of the body, which may be a secret value.
    if (status === 400 || status === 415) return { code: ErrorCode.ValidationFailed, message: 'The request body could not be read: it must be valid JSON sent as application/json', details: {} };
    return toErrorBody(new Error(message));
  }
}
