import ipaddr from 'ipaddr.js';

/** A block of the IANA special-purpose address registries (or the multicast and deprecated blocks beside them). */
export interface SpecialPurposeBlock {
  cidr: string;
  name: string;
  rfc: string;
}

interface Ipv6Block extends SpecialPurposeBlock {
  /** The IPv4 address that packets to an address of this block end up at; such a block is judged by it. */
  carries?: (address: ipaddr.IPv6) => ipaddr.IPv4;
}

/** The IPv4 address in the last 32 bits: mapped, compatible and NAT64 (RFC 6052, /96) addresses. */
const lastGroups = (address: ipaddr.IPv6): ipaddr.IPv4 => ipv4Of(address.parts[6], address.parts[7]);

// The IANA IPv4 special-purpose registry (https://www.iana.org/assignments/iana-ipv4-special-registry), every
// entry refused whether or not the registry calls it globally reachable: none of them is an API's address (the
// anycast PCP/TURN services, AS112 sinks and AMT relays included), and SWITCHBOARD_OUTBOUND_ALLOW can open one.
const IPV4_SPECIAL_PURPOSE: readonly SpecialPurposeBlock[] = [
  { cidr: '0.0.0.0/8', name: '"This network"', rfc: 'RFC 791' },
  { cidr: '0.0.0.0/32', name: '"This host on this network"', rfc: 'RFC 1122' },
  { cidr: '10.0.0.0/8', name: 'Private-Use', rfc: 'RFC 1918' },
  { cidr: '100.64.0.0/10', name: 'Shared Address Space', rfc: 'RFC 6598' },
  { cidr: '127.0.0.0/8', name: 'Loopback', rfc: 'RFC 1122' },
  { cidr: '169.254.0.0/16', name: 'Link Local', rfc: 'RFC 3927' },
  { cidr: '172.16.0.0/12', name: 'Private-Use', rfc: 'RFC 1918' },
  { cidr: '192.0.0.0/24', name: 'IETF Protocol Assignments', rfc: 'RFC 6890' },
  { cidr: '192.0.0.0/29', name: 'IPv4 Service Continuity Prefix', rfc: 'RFC 7335' },
  { cidr: '192.0.0.8/32', name: 'IPv4 dummy address', rfc: 'RFC 7600' },
  { cidr: '192.0.0.9/32', name: 'Port Control Protocol Anycast', rfc: 'RFC 7723' },
  { cidr: '192.0.0.10/32', name: 'Traversal Using Relays around NAT Anycast', rfc: 'RFC 8155' },
  { cidr: '192.0.0.170/32', name: 'NAT64/DNS64 Discovery', rfc: 'RFC 8880' },
  { cidr: '192.0.0.171/32', name: 'NAT64/DNS64 Discovery', rfc: 'RFC 8880' },
  { cidr: '192.0.2.0/24', name: 'Documentation (TEST-NET-1)', rfc: 'RFC 5737' },
  { cidr: '192.31.196.0/24', name: 'AS112-v4', rfc: 'RFC 7535' },
  { cidr: '192.52.193.0/24', name: 'AMT', rfc: 'RFC 7450' },
  { cidr: '192.88.99.0/24', name: 'Deprecated (6to4 Relay Anycast)', rfc: 'RFC 7526' },
  { cidr: '192.168.0.0/16', name: 'Private-Use', rfc: 'RFC 1918' },
  { cidr: '192.175.48.0/24', name: 'Direct Delegation AS112 Service', rfc: 'RFC 7534' },
  { cidr: '198.18.0.0/15', name: 'Benchmarking', rfc: 'RFC 2544' },
  { cidr: '198.51.100.0/24', name: 'Documentation (TEST-NET-2)', rfc: 'RFC 5737' },
  { cidr: '203.0.113.0/24', name: 'Documentation (TEST-NET-3)', rfc: 'RFC 5737' },
  { cidr: '224.0.0.0/4', name: 'Multicast', rfc: 'RFC 5771' },
  { cidr: '240.0.0.0/4', name: 'Reserved', rfc: 'RFC 1112' },
  { cidr: '255.255.255.255/32', name: 'Limited Broadcast', rfc: 'RFC 919' },
];

// The IANA IPv6 special-purpose registry (https://www.iana.org/assignments/iana-ipv6-special-registry), refused
// like the IPv4 one, plus the blocks RFC 4291 and RFC 3879 reserve outside it. The blocks with `carries` are
// transition forms whose packets end up at an IPv4 address: they are as good or as bad as that address.
const IPV6_SPECIAL_PURPOSE: readonly Ipv6Block[] = [
  { cidr: '::/128', name: 'Unspecified Address', rfc: 'RFC 4291' },
  { cidr: '::1/128', name: 'Loopback Address', rfc: 'RFC 4291' },
  { cidr: '::/96', name: 'IPv4-compatible Address (deprecated)', rfc: 'RFC 4291', carries: lastGroups },
  { cidr: '::ffff:0:0/96', name: 'IPv4-mapped Address', rfc: 'RFC 4291', carries: lastGroups },
  { cidr: '64:ff9b::/96', name: 'IPv4-IPv6 Translat.', rfc: 'RFC 6052', carries: lastGroups },
  // Where a local-use NAT64 prefix puts the IPv4 address depends on its length, which only the network knows.
  { cidr: '64:ff9b:1::/48', name: 'IPv4-IPv6 Translat. (local-use)', rfc: 'RFC 8215' },
  { cidr: '100::/64', name: 'Discard-Only Address Block', rfc: 'RFC 6666' },
  { cidr: '100:0:0:1::/64', name: 'Dummy IPv6 Prefix', rfc: 'RFC 9780' },
  { cidr: '2001::/23', name: 'IETF Protocol Assignments', rfc: 'RFC 2928' },
  // Teredo: the client's IPv4 address sits in the last 32 bits, every bit inverted; the relay delivers to it.
  { cidr: '2001::/32', name: 'TEREDO', rfc: 'RFC 4380', carries: (address) => ipv4Of(address.parts[6] ^ 0xffff, address.parts[7] ^ 0xffff) },
  { cidr: '2001:1::1/128', name: 'Port Control Protocol Anycast', rfc: 'RFC 7723' },
  { cidr: '2001:1::2/128', name: 'Traversal Using Relays around NAT Anycast', rfc: 'RFC 8155' },
  { cidr: '2001:1::3/128', name: 'DNS-SD Service Registration Protocol Anycast', rfc: 'RFC 9665' },
  { cidr: '2001:2::/48', name: 'Benchmarking', rfc: 'RFC 5180' },
  { cidr: '2001:3::/32', name: 'AMT', rfc: 'RFC 7450' },
  { cidr: '2001:4:112::/48', name: 'AS112-v6', rfc: 'RFC 7535' },
  { cidr: '2001:10::/28', name: 'Deprecated (previously ORCHID)', rfc: 'RFC 4843' },
  { cidr: '2001:20::/28', name: 'ORCHIDv2', rfc: 'RFC 7343' },
  { cidr: '2001:30::/28', name: 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', rfc: 'RFC 9374' },
  { cidr: '2001:db8::/32', name: 'Documentation', rfc: 'RFC 3849' },
  // 6to4: the IPv4 address of the site's 6to4 router is the 32 bits after the prefix.
  { cidr: '2002::/16', name: '6to4', rfc: 'RFC 3056', carries: (address) => ipv4Of(address.parts[1], address.parts[2]) },
  { cidr: '2620:4f:8000::/48', name: 'Direct Delegation AS112 Service', rfc: 'RFC 7534' },
  { cidr: '3fff::/20', name: 'Documentation', rfc: 'RFC 9637' },
  { cidr: '5f00::/16', name: 'Segment Routing (SRv6) SIDs', rfc: 'RFC 9602' },
  { cidr: 'fc00::/7', name: 'Unique-Local', rfc: 'RFC 4193' },
  { cidr: 'fe80::/10', name: 'Link-Local Unicast', rfc: 'RFC 4291' },
  { cidr: 'fec0::/10', name: 'Site-Local (deprecated)', rfc: 'RFC 3879' },
  { cidr: 'ff00::/8', name: 'Multicast', rfc: 'RFC 4291' },
  // Outside 2000::/3 the IANA IPv6 address space registry assigns nothing but the blocks above: the rest is
  // reserved by the IETF and reaches no API either.
  ...['::/8', '100::/8', '200::/7', '400::/6', '800::/5', '1000::/4', '4000::/3', '6000::/3', '8000::/3', 'a000::/3', 'c000::/3', 'e000::/4', 'f000::/5', 'f800::/6', 'fe00::/9'].map(
    (cidr) => ({ cidr, name: 'Reserved by IETF', rfc: 'RFC 4291' }),
  ),
];

// Longest prefix first, so an address is named after the most specific block holding it (Teredo, not the
// IETF Protocol Assignments around it).
const byPrefix = <B extends SpecialPurposeBlock>(blocks: readonly B[]) =>
  blocks.map((block) => ({ block, range: ipaddr.parseCIDR(block.cidr) })).sort((a, b) => b.range[1] - a.range[1]);
const IPV4_BLOCKS = byPrefix(IPV4_SPECIAL_PURPOSE);
const IPV6_BLOCKS = byPrefix(IPV6_SPECIAL_PURPOSE);

/**
 * The most specific special-purpose block an address lies in, `undefined` for an ordinary unicast address. An
 * IPv6 address that carries an IPv4 one (see {@link carriedIpv4}) is judged by that IPv4 address alone.
 */
export function specialPurposeBlockOf(address: ipaddr.IPv4 | ipaddr.IPv6): SpecialPurposeBlock | undefined {
  if (address instanceof ipaddr.IPv4) return IPV4_BLOCKS.find(({ range }) => address.match(range))?.block;
  const block = ipv6BlockOf(address);
  return block?.carries === undefined ? block : specialPurposeBlockOf(block.carries(address));
}

/**
 * The IPv4 address an IPv6 one delivers to: IPv4-mapped and -compatible, NAT64 (`64:ff9b::/96`), 6to4 and
 * Teredo addresses carry one; `undefined` for any other address.
 */
export function carriedIpv4(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | undefined {
  return address instanceof ipaddr.IPv6 ? ipv6BlockOf(address)?.carries?.(address) : undefined;
}

function ipv6BlockOf(address: ipaddr.IPv6): Ipv6Block | undefined {
  return IPV6_BLOCKS.find(({ range }) => address.match(range))?.block;
}

function ipv4Of(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
