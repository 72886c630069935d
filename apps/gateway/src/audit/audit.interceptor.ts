import { HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/authenticated-request.js';
import { AuditLog } from './audit-log.js';
import { UNAUDITED } from './unaudited.decorator.js';
import { pathOf, routeTemplateOf } from '../http/route-template.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The fields a reply names what it created or changed by, in the order they are looked for.
const RESOURCE_FIELDS = ['tag', 'key', 'access_tag', 'key_id', 'user_id', 'event_id', 'product'] as const;

/**
 * Writes each successful change a member makes to the audit log before its reply leaves, so a change the caller
 * was told of is never missing from the log. Only ids, paths and the address are kept: bodies (which hold secret
 * values and keys) never are.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { workspaceId, userId } = request;
    if (READS.has(request.method) || !workspaceId || !userId || this.reflector.getAllAndOverride<boolean>(UNAUDITED, [context.getHandler(), context.getClass()])) {
      return next.handle();
    }
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      mergeMap(async (reply: unknown) => {
        await this.log.record({
          workspaceId,
          userId,
          keyId: request.keyId ?? null,
          ip: request.ip,
          operation: `${request.method} ${routeTemplateOf(request) ?? pathOf(request)}`,
          path: pathOf(request),
          resource: resourceOf(reply),
          status,
        });
        return reply;
      }),
    );
  }
}

function resourceOf(reply: unknown): string | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const fields = reply as Record<string, unknown>;
  const found = RESOURCE_FIELDS.map((field) => fields[field]).find((value) => typeof value === 'string');
  return typeof found === 'string' ? found : null;
}
