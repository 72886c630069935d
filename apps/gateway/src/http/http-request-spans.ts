import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { startSpan } from '@switchboard/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UNMATCHED_ROUTE } from '../metrics/http-request-metrics.js';
import { routeTemplateOf } from './route-template.js';

/**
 * Makes each HTTP request the root span of its trace, or a child of the `traceparent` it came with, and the active span
 * of its handler, so every NATS message the handler sends carries it to the services.
 *
 * The span is named and described by method and route template only: a URL's path and query, and every header, may
 * hold what a caller sent (a webhook's receive id, a secret key), so none of them becomes an attribute.
 */
export function traceHttpRequests(fastify: FastifyInstance): void {
  const spans = new WeakMap<FastifyRequest, Span>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = routeTemplateOf(request) ?? UNMATCHED_ROUTE;
    const span = startSpan(`${request.method} ${route}`, {
      kind: SpanKind.SERVER,
      parent: propagation.extract(ROOT_CONTEXT, request.headers),
      attributes: { 'http.request.method': request.method, 'http.route': route, 'url.scheme': request.protocol },
    });
    spans.set(request, span);
    done();
  });
  // The last hook before the handler (after the body is read, whose stream events run outside any request's context):
  // fastify calls the guards, interceptors and handler from `done`, so they all run inside the span.
  fastify.addHook('preHandler', (request, _reply, done) => {
    const span = spans.get(request);
    if (span === undefined) return done();
    context.with(trace.setSpan(context.active(), span), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request);
    if (span !== undefined) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    const span = spans.get(request);
    span?.setAttribute('error.type', 'request_aborted');
    span?.end();
    done();
  });
}
