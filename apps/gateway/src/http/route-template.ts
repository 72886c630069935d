import type { FastifyRequest } from 'fastify';

/** The route a request matched, as the API reference writes it (`/v1/apps/{app}`), or its path when it matched none. */
export function routeTemplateOf(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  return route === undefined ? (request.url.split('?', 1)[0] ?? request.url) : route.replace(/:(\w+)/g, '{$1}');
}
