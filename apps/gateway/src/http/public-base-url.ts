import type { FastifyRequest } from 'fastify';

/** Injection token of the `GATEWAY_PUBLIC_URL` setting (empty when unset). */
export const GATEWAY_PUBLIC_URL = Symbol('GATEWAY_PUBLIC_URL');

/**
 * Where callers reach the gateway, without a trailing slash: `GATEWAY_PUBLIC_URL` when set (a proxy in front may
 * rewrite host and scheme), else the request's own origin, read through fastify, which believes X-Forwarded-Proto and
 * X-Forwarded-Host only from the proxies GATEWAY_TRUST_PROXY names.
 */
export function publicBaseUrlOf(configured: string, request: Pick<FastifyRequest, 'protocol' | 'host'>): string {
  if (configured !== '') return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}
