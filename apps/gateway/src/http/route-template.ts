import type { FastifyRequest } from 'fastify';

/** The route a request matched, as the API reference writes it (`/v1/apps/{app}`); undefined when it matched none. */
export function routeTemplateOf(request: FastifyRequest): string | undefined {
  return request.routeOptions.url?.replace(/:(\w+)/g, '{$1}');
}

/** The request's path, without its query. */
export function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? request.url;
}
