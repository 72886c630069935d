import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../auth/authenticated-request.js';
import { UNAUDITED } from './unaudited.decorator.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Never refuses: marks a member's change on an audited route (not a read, not {@link Unaudited}) for
 * `recordAuditedChanges`, which records it once it has succeeded. A guard and a fastify hook rather than a Nest
 * interceptor: a route with no interceptor at all skips Nest's rxjs pipeline, a measurable share of the gateway's CPU
 * per run.
 */
@Injectable()
export class AuditedChangeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (READS.has(request.method) || !request.workspaceId || !request.userId) return true;
    request.audited = !this.reflector.getAllAndOverride<boolean>(UNAUDITED, [context.getHandler(), context.getClass()]);
    return true;
  }
}
