import { BlockList } from 'node:net';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { embeddedIpv4, parseIpLiteral, type ResolvedAddress } from './ip-literal.js';

/** Why an address is refused: the special-purpose range it lies in. */
export type RefusedRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'unique-local'
  | 'not-an-address';

type Family = 'ipv4' | 'ipv6';

// Ranges that reach the executor's own host, its private network or its cloud's metadata service
// (169.254.169.254 is link-local, AWS's fd00:ec2::254 unique-local, Alibaba's 100.100.100.200 shared).
// Order matters only for the name reported: broadcast is named before the reserved block that holds it.
const REFUSED_RANGES: ReadonlyArray<readonly [range: RefusedRange, network: string, prefix: number, family: Family]> = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['shared', '100.64.0.0', 10, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['broadcast', '255.255.255.255', 32, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['unique-local', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const REFUSED_LISTS = REFUSED_RANGES.map(([range, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { range, family, list };
});

/**
 * The refused range an address lies in, or `undefined` for an address that may be called.
 * IPv4-mapped (`::ffff:a.b.c.d`) and NAT64 (`64:ff9b::a.b.c.d`) addresses are judged by the IPv4 address they
 * carry, since that is where the packets end up; anything that is not an IP address is refused outright.
 */
export function refusedRangeOf(address: string): RefusedRange | undefined {
  const literal = parseIpLiteral(address);
  if (literal === undefined) return 'not-an-address';
  const ipv4 = literal.family === 6 ? embeddedIpv4(literal.address) : literal.address;
  const [candidate, family]: [string, Family] = ipv4 === undefined ? [literal.address, 'ipv6'] : [ipv4, 'ipv4'];
  return REFUSED_LISTS.find((entry) => entry.family === family && entry.list.check(candidate, family))?.range;
}

/** One `SWITCHBOARD_OUTBOUND_ALLOW` entry, read: an address, a CIDR subnet or a hostname. */
export type AllowEntry =
  | { kind: 'address'; address: string; family: Family }
  | { kind: 'subnet'; network: string; prefix: number; family: Family }
  | { kind: 'hostname'; hostname: string };

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Reads one allow-list entry, or `undefined` when it is neither an IP address, a CIDR subnet nor a hostname. */
export function parseAllowEntry(entry: string): AllowEntry | undefined {
  const text = entry.trim().toLowerCase();
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const network = parseIpLiteral(text.slice(0, slash));
    const prefixText = text.slice(slash + 1);
    const prefix = Number(prefixText);
    const maxPrefix = network?.family === 6 ? 128 : 32;
    if (network === undefined || !/^\d{1,3}$/.test(prefixText) || prefix > maxPrefix) return undefined;
    return { kind: 'subnet', network: network.address, prefix, family: network.family === 6 ? 'ipv6' : 'ipv4' };
  }
  const address = parseIpLiteral(text);
  if (address !== undefined) return { kind: 'address', address: address.address, family: address.family === 6 ? 'ipv6' : 'ipv4' };
  const hostname = withoutTrailingDot(text);
  return HOSTNAME.test(hostname) ? { kind: 'hostname', hostname } : undefined;
}

/** Splits the comma-separated `SWITCHBOARD_OUTBOUND_ALLOW` value into its entries. */
export function splitAllowList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Decides which outbound targets may be called: every resolved address must lie outside the refused ranges,
 * unless the allow-list names the hostname or covers the address (tests and local development allow 127.0.0.1).
 */
export class AddressPolicy {
  private readonly allowedAddresses = new BlockList();
  private readonly allowedHostnames = new Set<string>();

  /** @param allow `SWITCHBOARD_OUTBOUND_ALLOW` entries; an entry that cannot be read stops the process here. */
  constructor(allow: readonly string[]) {
    for (const text of allow) {
      const entry = parseAllowEntry(text);
      if (entry === undefined) throw new Error(`SWITCHBOARD_OUTBOUND_ALLOW: "${text}" is not an IP address, CIDR subnet or hostname`);
      if (entry.kind === 'hostname') this.allowedHostnames.add(entry.hostname);
      else if (entry.kind === 'address') this.allowedAddresses.addAddress(entry.address, entry.family);
      else this.allowedAddresses.addSubnet(entry.network, entry.prefix, entry.family);
    }
  }

  /**
   * Throws `OutboundAddressRefused` when any address the host resolves to is refused and not allowed: checking
   * only the first would let a resolver answer with one public and one internal address and win the race.
   */
  assertAllowed(hostname: string, addresses: readonly ResolvedAddress[]): void {
    const host = withoutTrailingDot(hostname.toLowerCase());
    if (this.allowedHostnames.has(host)) return;
    for (const { address } of addresses) {
      const range = refusedRangeOf(address);
      if (range !== undefined && !this.allowsAddress(address)) {
        throw new DomainError(
          ErrorCode.OutboundAddressRefused,
          `Outbound requests to ${host} are refused: it resolves to a private, loopback, link-local or metadata address (${address}); allow it with SWITCHBOARD_OUTBOUND_ALLOW`,
          { host, address, range },
        );
      }
    }
  }

  private allowsAddress(address: string): boolean {
    const literal = parseIpLiteral(address);
    if (literal === undefined) return false;
    if (literal.family === 4) return this.allowedAddresses.check(literal.address, 'ipv4');
    // An allowed IPv4 entry also covers the IPv6 spellings that carry it.
    const ipv4 = embeddedIpv4(literal.address);
    return this.allowedAddresses.check(literal.address, 'ipv6') || (ipv4 !== undefined && this.allowedAddresses.check(ipv4, 'ipv4'));
  }
}

function withoutTrailingDot(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}
