import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';

// From a cached key check (about a millisecond) to the longest action run the gateway waits for (70 s by default).
const DURATION_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 70];
/** The route label of a request no route matched (its URL is never a label: anyone can make up millions). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Counts every HTTP request the gateway answers and times it, by method, route template (`/v1/products/:product`,
 * never the URL) and status: two label lookups and a bucket per request, in fastify's onResponse hook, after the reply.
 */
export function countHttpRequests(fastify: FastifyInstance, registry: Registry): void {
  const requests = new Counter({
    name: 'switchboard_http_requests_total',
    help: 'HTTP requests answered by the gateway, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to the end of its reply, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [registry],
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
}
