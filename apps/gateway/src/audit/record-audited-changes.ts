import type { FastifyInstance } from 'fastify';
import type { AuthenticatedRequest } from '../auth/authenticated-request.js';
import type { HttpErrorFilter } from '../http/http-error.filter.js';
import { pathOf, routeTemplateOf } from '../http/route-template.js';
import type { AuditLog } from './audit-log.js';

// The fields a reply names what it created or changed by, in the order they are looked for.
const RESOURCE_FIELDS = ['tag', 'key', 'access_tag', 'key_id', 'user_id', 'event_id', 'product'] as const;

/**
 * Writes each successful change a member makes ({@link AuditedChangeGuard} marked it) to the audit log before its
 * reply leaves, so a change the caller was told of is never missing from the log; when the log cannot be written, the
 * caller is told that instead. Only ids, paths and the address are kept: bodies (which hold secret values and keys)
 * never are.
 */
export function recordAuditedChanges(fastify: FastifyInstance, log: AuditLog, errors: HttpErrorFilter): void {
  fastify.addHook('onSend', (request: AuthenticatedRequest, reply, payload, done) => {
    const { workspaceId, userId } = request;
    if (!request.audited || reply.statusCode >= 400 || !workspaceId || !userId) return done(null, payload);
    log
      .record({
        workspaceId,
        userId,
        keyId: request.keyId ?? null,
        ip: request.ip,
        operation: `${request.method} ${routeTemplateOf(request) ?? pathOf(request)}`,
        path: pathOf(request),
        resource: resourceOf(payload),
        status: reply.statusCode,
      })
      .then(
        () => done(null, payload),
        (error: unknown) => {
          const body = errors.answer(error, request, reply);
          void reply.header('content-type', 'application/json; charset=utf-8');
          done(null, JSON.stringify(body));
        },
      );
  });
}

function resourceOf(payload: unknown): string | null {
  if (typeof payload !== 'string' || !payload.startsWith('{')) return null;
  const fields = JSON.parse(payload) as Record<string, unknown>;
  const found = RESOURCE_FIELDS.map((field) => fields[field]).find((value) => typeof value === 'string');
  return typeof found === 'string' ? found : null;
}
