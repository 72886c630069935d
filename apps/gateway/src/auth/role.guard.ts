import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Role, roleCovers } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { NEEDED_ROLE } from './needs-role.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
import { pathOf, routeTemplateOf } from '../http/route-template.js';

const READS = new Set(['GET', 'HEAD']);

/** The role a route needs: its own {@link Needs}, else a viewer to read and a developer to change anything. */
export function neededRole(reflector: Reflector, context: ExecutionContext, method: string): Role {
  return reflector.getAllAndOverride<Role | undefined>(NEEDED_ROLE, [context.getHandler(), context.getClass()]) ?? (READS.has(method) ? Role.Viewer : Role.Developer);
}

/** Refuses, before anything is validated or asked, a call the caller's role does not cover. */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const needed = neededRole(this.reflector, context, request.method);
    const held = request.role;
    if (held && roleCovers(held, needed)) return true;
    throw new DomainError(
      ErrorCode.Forbidden,
      `Your role (${held ?? 'none'}) cannot ${request.method} ${routeTemplateOf(request) ?? pathOf(request)}: it needs ${needed} or above; ask a workspace admin`,
      { role: held ?? null, needed },
    );
  }
}
