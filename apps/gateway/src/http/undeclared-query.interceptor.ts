import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { validationFailure } from '@switchboard/platform';
import { ValidationError } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

/**
 * Refuses every query parameter of a route whose handler declares no `@Query()` contract, as that contract's
 * validation would refuse an unknown one, so a typo in a query never passes silently and no route can forget it.
 * Routes that declare a query class are left to ContractValidationPipe.
 */
@Injectable()
export class UndeclaredQueryInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !declaresQuery(context)) {
      const names = Object.keys(context.switchToHttp().getRequest<FastifyRequest>().query ?? {});
      if (names.length > 0) throw validationFailure(names.map(unknownParameter));
    }
    return next.handle();
  }
}

// Nest keeps a handler's parameter decorators as `<RouteParamtypes>:<index>` keys; custom decorators have their own.
function declaresQuery(context: ExecutionContext): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
}

// The error class-validator's whitelist gives an unknown field, so both paths read the same.
function unknownParameter(name: string): ValidationError {
  return Object.assign(new ValidationError(), { property: name, value: undefined, constraints: { whitelistValidation: `property ${name} should not exist` }, children: [] });
}
