import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { validationFailure } from '@switchboard/platform';
import { ValidationError } from 'class-validator';
import type { FastifyRequest } from 'fastify';

/**
 * Refuses every query parameter of a route whose handler declares no `@Query()` contract, as that contract's
 * validation would refuse an unknown one, so a typo in a query never passes silently and no route can forget it.
 * Routes that declare a query class are left to ContractValidationPipe.
 *
 * A guard rather than an interceptor: with no interceptor at all, Nest calls handlers without wrapping each
 * request in rxjs. It runs after ApiKeyGuard (registered first), so a caller without credentials hears 401 first.
 */
@Injectable()
export class UndeclaredQueryGuard implements CanActivate {
  private readonly declared = new WeakMap<object, boolean>();

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || this.declaresQuery(context)) return true;
    const names = Object.keys(context.switchToHttp().getRequest<FastifyRequest>().query ?? {});
    if (names.length > 0) throw validationFailure(names.map(unknownParameter));
    return true;
  }

  // Nest keeps a handler's parameter decorators as `<RouteParamtypes>:<index>` keys; custom decorators have their own.
  private declaresQuery(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let declares = this.declared.get(handler);
    if (declares === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
      declares = Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY));
      this.declared.set(handler, declares);
    }
    return declares;
  }
}

// The error class-validator's whitelist gives an unknown field, so both paths read the same.
function unknownParameter(name: string): ValidationError {
  return Object.assign(new ValidationError(), { property: name, value: undefined, constraints: { whitelistValidation: `property ${name} should not exist` }, children: [] });
}
