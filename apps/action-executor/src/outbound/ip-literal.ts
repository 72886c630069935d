import { isIPv4, isIPv6 } from 'node:net';

/** One address a hostname resolves to, in the shape `dns.promises.lookup(host, { all: true })` returns. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Reads a host that is written as an IP address, in any spelling a resolver accepts, into its canonical form;
 * `undefined` when the host is a name that needs DNS.
 *
 * Besides dotted quads and IPv6 (bracketed or not, with or without a `%zone`), IPv4 may be written the way
 * inet_aton() and the WHATWG URL parser read it: one to four parts, each decimal, octal (leading `0`) or hex
 * (`0x`), the last filling the remaining bytes (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`). `new URL()`
 * already rewrites these for http(s), but a host that reaches us by another road must not slip past as a name.
 */
export function parseIpLiteral(host: string): ResolvedAddress | undefined {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  // A zone only picks the interface of a link-local address; the address itself decides what it is.
  const unzoned = bare.includes(':') ? bare.replace(/%.*$/, '') : bare;
  if (isIPv6(unzoned)) return { address: unzoned.toLowerCase(), family: 6 };
  if (isIPv4(unzoned)) return { address: unzoned, family: 4 };
  const ipv4 = parseIpv4Spelling(unzoned);
  return ipv4 === undefined ? undefined : { address: ipv4, family: 4 };
}

/** The dotted-quad form of an IPv4 address written in any inet_aton() spelling, or `undefined` if it is not one. */
export function parseIpv4Spelling(host: string): string | undefined {
  const parts = host.split('.');
  // A trailing dot ("127.0.0.1.") is the fully qualified form of the same address.
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  if (parts.length === 0 || parts.length > 4) return undefined;
  const numbers = parts.map(parseIpv4Part);
  if (!numbers.every((part): part is number => part !== undefined)) return undefined;

  const leading = numbers.slice(0, -1);
  const last = numbers.at(-1) ?? 0;
  const lastBytes = 4 - leading.length;
  if (leading.some((part) => part > 255) || last >= 256 ** lastBytes) return undefined;
  // Plain arithmetic rather than bit operators, which would turn addresses above 127.255.255.255 negative.
  const value = leading.reduce((sum, part) => sum * 256 + part, 0) * 256 ** lastBytes + last;
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function parseIpv4Part(part: string): number | undefined {
  if (/^0x[0-9a-f]*$/i.test(part)) return part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
  if (/^0[0-7]+$/.test(part)) return Number.parseInt(part, 8);
  if (/^(0|[1-9][0-9]*)$/.test(part)) return Number.parseInt(part, 10);
  return undefined;
}

/**
 * The IPv4 address carried inside an IPv6 one that a host may translate back to IPv4 on the wire: IPv4-mapped
 * (`::ffff:a.b.c.d`, what dual-stack sockets connect to as plain IPv4) and NAT64 (`64:ff9b::a.b.c.d`, which a
 * NAT64 gateway forwards to the IPv4 address). `undefined` for any other IPv6 address.
 */
export function embeddedIpv4(ipv6: string): string | undefined {
  const groups = ipv6Groups(ipv6);
  if (groups === undefined) return undefined;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0);
  if (!mapped && !nat64) return undefined;
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail converted), or `undefined`. */
export function ipv6Groups(ipv6: string): number[] | undefined {
  if (!isIPv6(ipv6)) return undefined;
  let text = ipv6.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted !== undefined) {
    const bytes = dotted.split('.').map(Number);
    const [a = 0, b = 0, c = 0, d = 0] = bytes;
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const toGroups = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16)));
  const headGroups = toGroups(head);
  if (tail === undefined) return headGroups;
  const tailGroups = toGroups(tail);
  return [...headGroups, ...new Array<number>(8 - headGroups.length - tailGroups.length).fill(0), ...tailGroups];
}
