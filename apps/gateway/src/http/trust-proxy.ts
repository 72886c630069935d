import { isIP } from 'node:net';

// The names proxy-addr (fastify's trustProxy) knows for whole address families.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const DIGITS = /^\d+$/;

/** Whether a GATEWAY_TRUST_PROXY value is one fastify accepts: empty, `true`, or addresses and CIDR ranges. */
export function isTrustProxySetting(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (value === '' || value === 'true') return true;
  return value.split(',').every((entry) => {
    const [address = '', prefix, ...rest] = entry.trim().split('/');
    if (NAMED_RANGES.has(address) && prefix === undefined) return true;
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    return family !== 0 && rest.length === 0 && (prefix === undefined || (DIGITS.test(prefix) && Number(prefix) <= maxPrefix));
  });
}

/** The GATEWAY_TRUST_PROXY setting in the form fastify's `trustProxy` option takes. */
export function trustProxyOf(setting: string): boolean | string {
  if (setting === '') return false;
  return setting === 'true' ? true : setting;
}
