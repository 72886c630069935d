import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { callerRoles } from '@switchboard/platform';
import { Observable } from 'rxjs';
import type { AuthenticatedRequest } from './authenticated-request.js';

/**
 * Runs each authenticated route's handler with its caller's role in `callerRoles`, so every NATS request it makes
 * carries the role and the service answering re-checks it. The handler starts when the reply is subscribed to,
 * hence the subscription inside `run`.
 */
@Injectable()
export class CallerRoleInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const role = context.switchToHttp().getRequest<AuthenticatedRequest>().role;
    if (role === undefined) return next.handle();
    return new Observable((subscriber) => callerRoles.run(role, () => next.handle().subscribe(subscriber)));
  }
}
