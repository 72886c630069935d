import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The public receipt route: its body is kept as the bytes that came, whatever their content type. */
export const WEBHOOK_RECEIPT_ROUTE = '/hooks/:receive_id';

/** Whether the request is to {@link WEBHOOK_RECEIPT_ROUTE}. */
export function isWebhookReceiptRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url === WEBHOOK_RECEIPT_ROUTE;
}

/** Gives the receipt route its own body limit. Must run before the routes are registered (app init). */
export function limitWebhookBodies(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url === WEBHOOK_RECEIPT_ROUTE) route.bodyLimit = limitBytes;
  });
}

/** The raw body of a receipt: the parsers hand the route a Buffer, and no body is an empty one. */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
}
