import ipaddr from 'ipaddr.js';

/** One address a hostname resolves to, in the shape `dns.promises.lookup(host, { all: true })` returns. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Reads a host that is written as an IP address (IPv6 bracketed or not) into its canonical form; `undefined`
 * when the host is a name that needs DNS. IPv4 may also be written the way inet_aton() reads it (`2130706433`,
 * `0x7f000001`, `0177.0.0.1`, `127.1`), which `new URL()` already rewrites for http(s).
 */
export function parseIpLiteral(host: string): ResolvedAddress | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(bare)) return undefined;
  const address = ipaddr.parse(bare);
  return { address: address.toString(), family: address instanceof ipaddr.IPv4 ? 4 : 6 };
}
