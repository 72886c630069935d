import type { AddressInfo } from 'node:net';

const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/**
 * The line the gateway logs once bound: the address it is bound to and, when that is every interface (where Nest's
 * getUrl() would claim 127.0.0.1), the URL a user opens, as npm start prints it.
 */
export function describeListening({ address, port }: AddressInfo): string {
  const host = address.includes(':') ? `[${address}]` : address;
  if (EVERY_INTERFACE.has(address)) return `gateway is listening on ${host}:${port} (every interface); open http://localhost:${port}`;
  return `gateway is listening on http://${host}:${port}`;
}
