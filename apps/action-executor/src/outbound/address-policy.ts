import { networkInterfaces } from 'node:os';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import ipaddr from 'ipaddr.js';
import type { ResolvedAddress } from './ip-literal.js';
import { carriedIpv4, specialPurposeBlockOf } from './special-purpose-addresses.js';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Why an address is refused: `range` is the special-purpose block it lies in (`10.0.0.0/8`), `own-address` for
 * an address of one of the executor's own network interfaces, `not-an-address` for anything that is no IP.
 */
export interface Refusal {
  range: string;
  /** What the address is, for the error message: `in 10.0.0.0/8 (Private-Use, RFC 1918)`. */
  reason: string;
}

/** The addresses of this machine's network interfaces, every family; read anew on each call, as they change. */
export type OwnAddresses = () => readonly string[];

const interfaceAddresses: OwnAddresses = () =>
  Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));

/** One `SWITCHBOARD_OUTBOUND_ALLOW` entry, read: an address or CIDR subnet (an address is a /32 or /128), or a hostname. */
export type AllowEntry = { kind: 'subnet'; subnet: [IpAddress, number] } | { kind: 'hostname'; hostname: string };

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Reads one allow-list entry, or `undefined` when it is neither an IP address, a CIDR subnet nor a hostname. */
export function parseAllowEntry(entry: string): AllowEntry | undefined {
  const text = entry.trim().toLowerCase();
  const [network = '', prefix, ...rest] = text.split('/');
  if (ipaddr.isValid(network)) {
    // An operator writes addresses plainly: `10/8` would otherwise mean 0.0.0.10/8, a surprise in an allow-list.
    if (!ipaddr.IPv6.isValid(network) && !ipaddr.IPv4.isValidFourPartDecimal(network)) return undefined;
    if (prefix === undefined) {
      const address = ipaddr.parse(network);
      return { kind: 'subnet', subnet: [address, address instanceof ipaddr.IPv4 ? 32 : 128] };
    }
    return rest.length === 0 && /^\d{1,3}$/.test(prefix) && ipaddr.isValidCIDR(text) ? { kind: 'subnet', subnet: ipaddr.parseCIDR(text) } : undefined;
  }
  if (prefix !== undefined) return undefined;
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
 * Decides which outbound targets may be called: every resolved address must lie outside the IANA special-purpose
 * blocks and the machine's own interface addresses, unless the allow-list names the hostname or covers the address
 * (tests and local development allow `127.0.0.1,::1`).
 */
export class AddressPolicy {
  private readonly allowedSubnets: Array<[IpAddress, number]> = [];
  private readonly allowedHostnames = new Set<string>();

  /**
   * @param allow `SWITCHBOARD_OUTBOUND_ALLOW` entries; an entry that cannot be read stops the process here.
   * @param ownAddresses the machine's own addresses; tests pass their own list.
   */
  constructor(
    allow: readonly string[],
    private readonly ownAddresses: OwnAddresses = interfaceAddresses,
  ) {
    for (const text of allow) {
      const entry = parseAllowEntry(text);
      if (entry === undefined) throw new Error(`SWITCHBOARD_OUTBOUND_ALLOW: "${text}" is not an IP address, CIDR subnet or hostname`);
      if (entry.kind === 'hostname') this.allowedHostnames.add(entry.hostname);
      else this.allowedSubnets.push(entry.subnet);
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
      const refusal = this.refusalOf(address);
      if (refusal !== undefined) {
        throw new DomainError(
          ErrorCode.OutboundAddressRefused,
          `Outbound requests to ${host} are refused: it resolves to ${address}, ${refusal.reason}; allow it with SWITCHBOARD_OUTBOUND_ALLOW`,
          { host, address, range: refusal.range },
        );
      }
    }
  }

  /** Why the policy refuses to connect to `address`, or `undefined` when it may be called. */
  refusalOf(address: string): Refusal | undefined {
    if (!ipaddr.isValid(address)) return { range: 'not-an-address', reason: 'which is not an IP address' };
    const ip = ipaddr.parse(address);
    // An IPv6 spelling of an IPv4 address goes where that IPv4 address goes, so both are judged.
    const judged = [ip, carriedIpv4(ip)].filter((candidate): candidate is IpAddress => candidate !== undefined);
    if (judged.some((candidate) => this.allows(candidate))) return undefined;
    const carried = judged.length > 1 ? `which carries ${judged.at(-1)?.toString()}, ` : '';
    const block = specialPurposeBlockOf(ip);
    if (block !== undefined) return { range: block.cidr, reason: `${carried}in ${block.cidr} (${block.name}, ${block.rfc})` };
    const own = this.ownAddresses().flatMap((text) => (ipaddr.isValid(text) ? [ipaddr.parse(text)] : []));
    if (judged.some((candidate) => own.some((mine) => sameAddress(mine, candidate)))) {
      return { range: 'own-address', reason: `${carried}an address of the executor's own host` };
    }
    return undefined;
  }

  private allows(address: IpAddress): boolean {
    return this.allowedSubnets.some((subnet) => subnet[0].kind() === address.kind() && address.match(subnet));
  }
}

function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.kind() === b.kind() && a.match(b, a.kind() === 'ipv4' ? 32 : 128);
}

function withoutTrailingDot(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}
