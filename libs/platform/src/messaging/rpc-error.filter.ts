import { Catch, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { toErrorBody } from '../errors/to-error-body.js';

/** Sends every handler failure back over NATS as `{code, message, details}`. */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => toErrorBody(exception));
  }
}
