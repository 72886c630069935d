import { networkInterfaces } from 'node:os';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { AddressPolicy, parseAllowEntry, splitAllowList } from '../../src/outbound/address-policy.js';
import { parseIpLiteral } from '../../src/outbound/ip-literal.js';

// No traffic is sent: every case asks the policy about an address. The machine's own addresses are left out
// (an empty list) so that the registries alone decide, except where a case is about them.
const registryOnly = new AddressPolicy([], () => []);
const refusedRange = (address: string, policy = registryOnly) => policy.refusalOf(address)?.range;

describe('the address policy', () => {
  // The addresses issue 9 found let through.
  it.each([
    ['192.0.0.1', '192.0.0.0/29'],
    ['192.0.0.100', '192.0.0.0/24'],
    ['198.18.0.1', '198.18.0.0/15'],
    ['192.0.2.1', '192.0.2.0/24'],
    ['198.51.100.1', '198.51.100.0/24'],
    ['203.0.113.1', '203.0.113.0/24'],
    ['::a9fe:a9fe', '169.254.0.0/16'],
    ['2002:a00:1::', '10.0.0.0/8'],
    ['64:ff9b:1::1', '64:ff9b:1::/48'],
    ['fec0::1', 'fec0::/10'],
    ['100::1', '100::/64'],
    ['2001:db8::1', '2001:db8::/32'],
  ])('refuses %s, which the old policy let through, as %s', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  // One entry of the IANA IPv4 special-purpose registry (and multicast) per block: its first and last address
  // inside, and the address on each side of it outside (or inside its neighbour).
  it.each([
    ['0.0.0.0', '0.0.0.0/32'],
    ['0.0.0.1', '0.0.0.0/8'],
    ['0.255.255.255', '0.0.0.0/8'],
    ['1.0.0.0', undefined],
    ['9.255.255.255', undefined],
    ['10.0.0.0', '10.0.0.0/8'],
    ['10.255.255.255', '10.0.0.0/8'],
    ['11.0.0.0', undefined],
    ['100.63.255.255', undefined],
    ['100.64.0.0', '100.64.0.0/10'],
    ['100.127.255.255', '100.64.0.0/10'],
    ['100.128.0.0', undefined],
    ['126.255.255.255', undefined],
    ['127.0.0.0', '127.0.0.0/8'],
    ['127.255.255.255', '127.0.0.0/8'],
    ['128.0.0.0', undefined],
    ['169.253.255.255', undefined],
    ['169.254.0.0', '169.254.0.0/16'],
    ['169.254.169.254', '169.254.0.0/16'],
    ['169.254.255.255', '169.254.0.0/16'],
    ['169.255.0.0', undefined],
    ['172.15.255.255', undefined],
    ['172.16.0.0', '172.16.0.0/12'],
    ['172.31.255.255', '172.16.0.0/12'],
    ['172.32.0.0', undefined],
    ['191.255.255.255', undefined],
    ['192.0.0.0', '192.0.0.0/29'],
    ['192.0.0.7', '192.0.0.0/29'],
    ['192.0.0.8', '192.0.0.8/32'],
    ['192.0.0.9', '192.0.0.9/32'],
    ['192.0.0.10', '192.0.0.10/32'],
    ['192.0.0.11', '192.0.0.0/24'],
    ['192.0.0.170', '192.0.0.170/32'],
    ['192.0.0.171', '192.0.0.171/32'],
    ['192.0.0.255', '192.0.0.0/24'],
    ['192.0.1.0', undefined],
    ['192.0.1.255', undefined],
    ['192.0.2.0', '192.0.2.0/24'],
    ['192.0.2.255', '192.0.2.0/24'],
    ['192.0.3.0', undefined],
    ['192.31.195.255', undefined],
    ['192.31.196.0', '192.31.196.0/24'],
    ['192.31.196.255', '192.31.196.0/24'],
    ['192.31.197.0', undefined],
    ['192.52.192.255', undefined],
    ['192.52.193.0', '192.52.193.0/24'],
    ['192.52.193.255', '192.52.193.0/24'],
    ['192.52.194.0', undefined],
    ['192.88.98.255', undefined],
    ['192.88.99.0', '192.88.99.0/24'],
    ['192.88.99.255', '192.88.99.0/24'],
    ['192.88.100.0', undefined],
    ['192.167.255.255', undefined],
    ['192.168.0.0', '192.168.0.0/16'],
    ['192.168.255.255', '192.168.0.0/16'],
    ['192.169.0.0', undefined],
    ['192.175.47.255', undefined],
    ['192.175.48.0', '192.175.48.0/24'],
    ['192.175.48.255', '192.175.48.0/24'],
    ['192.175.49.0', undefined],
    ['198.17.255.255', undefined],
    ['198.18.0.0', '198.18.0.0/15'],
    ['198.19.255.255', '198.18.0.0/15'],
    ['198.20.0.0', undefined],
    ['198.51.99.255', undefined],
    ['198.51.100.0', '198.51.100.0/24'],
    ['198.51.100.255', '198.51.100.0/24'],
    ['198.51.101.0', undefined],
    ['203.0.112.255', undefined],
    ['203.0.113.0', '203.0.113.0/24'],
    ['203.0.113.255', '203.0.113.0/24'],
    ['203.0.114.0', undefined],
    ['223.255.255.255', undefined],
    ['224.0.0.0', '224.0.0.0/4'],
    ['239.255.255.255', '224.0.0.0/4'],
    ['240.0.0.0', '240.0.0.0/4'],
    ['255.255.255.254', '240.0.0.0/4'],
    ['255.255.255.255', '255.255.255.255/32'],
  ])('judges the IPv4 address %s by the registry: %s', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  // The same for the IANA IPv6 special-purpose registry, site-local and multicast, and the space outside
  // 2000::/3 that is reserved by the IETF.
  it.each([
    ['::', '::/128'],
    ['::1', '::1/128'],
    ['0:0:0:0:0:0:0:1', '::1/128'],
    ['::1:0:0', '::/8'],
    ['ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::/8'],
    ['100::', '100::/64'],
    ['100::ffff:ffff:ffff:ffff', '100::/64'],
    ['100:0:0:1::', '100:0:0:1::/64'],
    ['100:0:0:1:ffff:ffff:ffff:ffff', '100:0:0:1::/64'],
    ['100:0:0:2::', '100::/8'],
    ['1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '1000::/4'],
    ['2000::', undefined],
    ['2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff', undefined],
    ['2001:1::', '2001::/23'],
    ['2001:1::1', '2001:1::1/128'],
    ['2001:1::2', '2001:1::2/128'],
    ['2001:1::3', '2001:1::3/128'],
    ['2001:1::4', '2001::/23'],
    ['2001:2::', '2001:2::/48'],
    ['2001:2:0:ffff:ffff:ffff:ffff:ffff', '2001:2::/48'],
    ['2001:2:1::', '2001::/23'],
    ['2001:3::', '2001:3::/32'],
    ['2001:3:ffff:ffff:ffff:ffff:ffff:ffff', '2001:3::/32'],
    ['2001:4:112::', '2001:4:112::/48'],
    ['2001:4:112:ffff:ffff:ffff:ffff:ffff', '2001:4:112::/48'],
    ['2001:10::', '2001:10::/28'],
    ['2001:1f:ffff:ffff:ffff:ffff:ffff:ffff', '2001:10::/28'],
    ['2001:20::', '2001:20::/28'],
    ['2001:2f:ffff:ffff:ffff:ffff:ffff:ffff', '2001:20::/28'],
    ['2001:30::', '2001:30::/28'],
    ['2001:3f:ffff:ffff:ffff:ffff:ffff:ffff', '2001:30::/28'],
    ['2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff', '2001::/23'],
    ['2001:200::', undefined],
    ['2001:db7:ffff:ffff:ffff:ffff:ffff:ffff', undefined],
    ['2001:db8::', '2001:db8::/32'],
    ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', '2001:db8::/32'],
    ['2001:db9::', undefined],
    ['2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff', undefined],
    ['2003::', undefined],
    ['2620:4f:7fff:ffff:ffff:ffff:ffff:ffff', undefined],
    ['2620:4f:8000::', '2620:4f:8000::/48'],
    ['2620:4f:8000:ffff:ffff:ffff:ffff:ffff', '2620:4f:8000::/48'],
    ['2620:4f:8001::', undefined],
    ['3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff', undefined],
    ['3fff::', '3fff::/20'],
    ['3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff', '3fff::/20'],
    ['3fff:1000::', undefined],
    ['4000::', '4000::/3'],
    ['5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '4000::/3'],
    ['5f00::', '5f00::/16'],
    ['5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '5f00::/16'],
    ['5f01::', '4000::/3'],
    ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'f800::/6'],
    ['fc00::', 'fc00::/7'],
    ['fd00:ec2::254', 'fc00::/7'],
    ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fc00::/7'],
    ['fe00::', 'fe00::/9'],
    ['fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe00::/9'],
    ['fe80::', 'fe80::/10'],
    ['fe80::1%eth0', 'fe80::/10'],
    ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe80::/10'],
    ['fec0::', 'fec0::/10'],
    ['feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fec0::/10'],
    ['ff00::', 'ff00::/8'],
    ['FF05::2', 'ff00::/8'],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'ff00::/8'],
  ])('judges the IPv6 address %s by the registry: %s', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  // Forms whose packets end up at an IPv4 address are as good or as bad as that address.
  it.each([
    ['::ffff:10.0.0.1', '10.0.0.0/8'],
    ['::ffff:7f00:1', '127.0.0.0/8'],
    ['::ffff:0:0', '0.0.0.0/32'],
    ['::ffff:ffff:ffff', '255.255.255.255/32'],
    ['::ffff:8.8.8.8', undefined],
    ['::10.0.0.1', '10.0.0.0/8'],
    ['::2', '0.0.0.0/8'],
    ['::8.8.8.8', undefined],
    ['64:ff9b::a00:1', '10.0.0.0/8'],
    ['64:ff9b::169.254.169.254', '169.254.0.0/16'],
    ['64:ff9b::8.8.8.8', undefined],
    ['64:ff9b::1:0:0', '::/8'],
    ['64:ff9b:1:ffff:ffff:ffff:ffff:ffff', '64:ff9b:1::/48'],
    ['64:ff9b:2::', '::/8'],
    ['2002:a00:1::', '10.0.0.0/8'],
    ['2002:7f00:1::1', '127.0.0.0/8'],
    ['2002:a9fe:a9fe:1::1', '169.254.0.0/16'],
    ['2002:808:808::1', undefined],
    // Teredo: the client's address is the last 32 bits inverted (RFC 4380's own example carries 192.0.2.45).
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '192.0.2.0/24'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', '10.0.0.0/8'],
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', undefined],
  ])('judges %s by the IPv4 address it carries: %s', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700::1111', '2001:4860:4860::8888'])('lets the public address %s through', (address) => {
    expect(refusedRange(address)).toBeUndefined();
  });

  it.each(['localhost', '', 'not an address', '1.2.3.4.5'])('refuses %j, which is not an address at all', (address) => {
    expect(refusedRange(address)).toBe('not-an-address');
  });

  it('refuses the addresses of the machine it runs on, IPv6 and IPv4 spellings alike', () => {
    const policy = new AddressPolicy([], () => ['93.184.216.34', '2606:4700::abcd']);
    for (const address of ['93.184.216.34', '::ffff:93.184.216.34', '64:ff9b::5db8:d822', '2002:5db8:d822::1', '2606:4700::abcd']) {
      expect([address, refusedRange(address, policy)]).toEqual([address, 'own-address']);
    }
    expect(refusedRange('93.184.216.35', policy)).toBeUndefined();
    expect(refusedRange('2606:4700::abce', policy)).toBeUndefined();
  });

  it('refuses every address of this machine’s real network interfaces by default', () => {
    const own = Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
    expect(own.length).toBeGreaterThan(0);
    const policy = new AddressPolicy([]);
    for (const address of own) expect([address, policy.refusalOf(address) !== undefined]).toEqual([address, true]);
  });

  it('lets the allow-list open any refused address, by address or subnet, and the IPv6 forms that carry it', () => {
    const policy = new AddressPolicy(['192.0.2.0/24', 'fec0::/10', '93.184.216.34', '10.0.0.0/8'], () => ['93.184.216.34']);
    for (const address of ['192.0.2.2', 'fec0::1', '93.184.216.34', '10.1.2.3', '::ffff:10.1.2.3', '2002:a00:1::', '64:ff9b::a00:1', '::ffff:192.0.2.2']) {
      expect([address, policy.refusalOf(address)]).toEqual([address, undefined]);
    }
    for (const address of ['192.0.3.1', 'fe80::1', '93.184.216.35', '11.0.0.1', '127.0.0.1']) {
      expect([address, refusedRange(address, policy)]).toEqual([address, refusedRange(address, new AddressPolicy([], () => []))]);
    }
    expect(refusedRange('127.0.0.1', policy)).toBe('127.0.0.0/8');
  });
});

describe('parseIpLiteral', () => {
  // Raw spellings, as inet_aton reads them, and the same hosts after `new URL()` normalised them.
  it.each([
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0X7F000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0177.0000.0000.0001', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['127.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0x7f.0.0.0x1', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['0x0', '0.0.0.0'],
    ['2852039166', '169.254.169.254'],
    ['0xa9fea9fe', '169.254.169.254'],
    ['0251.0376.0251.0376', '169.254.169.254'],
    ['169.254.43518', '169.254.169.254'],
    ['10.1', '10.0.0.1'],
    ['4294967295', '255.255.255.255'],
  ])('reads the IPv4 spelling %s as %s, raw and as new URL() leaves it', (spelling, address) => {
    expect(parseIpLiteral(spelling)).toEqual({ address, family: 4 });
    expect(parseIpLiteral(new URL(`http://${spelling}/`).hostname)).toEqual({ address, family: 4 });
    expect(refusedRange(spelling)).toBe(refusedRange(address));
  });

  // What only the URL parser accepts still reaches the policy as the address it means.
  it.each([
    ['0x', '0.0.0.0'],
    ['127.0.0.1.', '127.0.0.1'],
  ])('reads %s as %s once new URL() has normalised it', (spelling, address) => {
    expect(parseIpLiteral(new URL(`http://${spelling}/`).hostname)).toEqual({ address, family: 4 });
  });

  it.each([
    ['[::1]', '::1'],
    ['[::ffff:127.0.0.1]', '::ffff:7f00:1'],
    ['[64:ff9b::127.0.0.1]', '64:ff9b::7f00:1'],
    ['[FE80::1]', 'fe80::1'],
  ])('reads the bracketed IPv6 host %s as %s, raw and through new URL()', (host, address) => {
    expect(parseIpLiteral(host)).toEqual({ address, family: 6 });
    expect(parseIpLiteral(new URL(`http://${host}/`).hostname)).toEqual({ address, family: 6 });
  });

  it.each(['example.com', '4294967296', '256.0.0.1', '1.2.3.4.5', '08.0.0.1', '1..1', 'fake.example', '127.0.0.1x'])(
    'leaves %s to DNS, as it is no IP address',
    (host) => {
      expect(parseIpLiteral(host)).toBeUndefined();
    },
  );
});

describe('parseAllowEntry', () => {
  it('reads addresses, subnets and hostnames, and nothing else', () => {
    const subnet = (text: string) => {
      const entry = parseAllowEntry(text);
      return entry?.kind === 'subnet' ? `${entry.subnet[0].toString()}/${entry.subnet[1]}` : entry;
    };
    expect(subnet('127.0.0.1')).toBe('127.0.0.1/32');
    expect(subnet('::1')).toBe('::1/128');
    expect(subnet('10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(subnet('FD00::/8')).toBe('fd00::/8');
    expect(parseAllowEntry('Internal.Example.')).toEqual({ kind: 'hostname', hostname: 'internal.example' });
    for (const invalid of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10/8', '127.1', '10.0.0.0/8/8', 'host name', 'http://x', 'intranet/8', '*.example.com', '']) {
      expect([invalid, parseAllowEntry(invalid)]).toEqual([invalid, undefined]);
    }
  });

  it('splits the environment value on commas, ignoring blanks', () => {
    expect(splitAllowList(' 127.0.0.1, ::1 ,,localhost ')).toEqual(['127.0.0.1', '::1', 'localhost']);
    expect(splitAllowList('')).toEqual([]);
  });
});

describe('AddressPolicy', () => {
  const v4 = (address: string) => ({ address, family: 4 as const });
  const v6 = (address: string) => ({ address, family: 6 as const });

  it('refuses a special-purpose address with a message naming the host, the address, its block, and how to allow it', () => {
    const error = thrownBy(() => new AddressPolicy([]).assertAllowed('api.example.com', [v4('10.0.0.1')]), DomainError);
    expect(error.code).toBe(ErrorCode.OutboundAddressRefused);
    expect(error.message).toBe(
      'Outbound requests to api.example.com are refused: it resolves to 10.0.0.1, in 10.0.0.0/8 (Private-Use, RFC 1918); allow it with SWITCHBOARD_OUTBOUND_ALLOW',
    );
    expect(error.details).toEqual({ host: 'api.example.com', address: '10.0.0.1', range: '10.0.0.0/8' });
  });

  it('names the IPv4 address an IPv6 one carries, and the machine’s own addresses, in the message', () => {
    const carried = thrownBy(() => new AddressPolicy([]).assertAllowed('six.example', [v6('2002:a9fe:a9fe::1')]), DomainError);
    expect(carried.message).toBe(
      'Outbound requests to six.example are refused: it resolves to 2002:a9fe:a9fe::1, which carries 169.254.169.254, in 169.254.0.0/16 (Link Local, RFC 3927); allow it with SWITCHBOARD_OUTBOUND_ALLOW',
    );
    const own = thrownBy(() => new AddressPolicy([], () => ['93.184.216.34']).assertAllowed('self.example', [v4('93.184.216.34')]), DomainError);
    expect(own.message).toBe(
      "Outbound requests to self.example are refused: it resolves to 93.184.216.34, an address of the executor's own host; allow it with SWITCHBOARD_OUTBOUND_ALLOW",
    );
    expect(own.details).toEqual({ host: 'self.example', address: '93.184.216.34', range: 'own-address' });
  });

  it('refuses a host when any one of its addresses is refused', () => {
    expect(() => new AddressPolicy([]).assertAllowed('mixed.example', [v4('93.184.216.34'), v4('169.254.169.254')])).toThrow(DomainError);
    expect(() => new AddressPolicy([]).assertAllowed('mixed.example', [v6('2606:4700::1'), v6('::ffff:127.0.0.1')])).toThrow(DomainError);
  });

  it('lets a host with only public addresses through', () => {
    expect(() => new AddressPolicy([]).assertAllowed('example.com', [v4('93.184.216.34'), v6('2606:4700::1')])).not.toThrow();
  });

  it('allows a refused address the allow-list covers by address or subnet, and only that one', () => {
    const policy = new AddressPolicy(['127.0.0.1', '::1', '10.1.0.0/16']);
    expect(() => policy.assertAllowed('localhost', [v4('127.0.0.1'), v6('::1')])).not.toThrow();
    expect(() => policy.assertAllowed('mapped', [v6('::ffff:127.0.0.1')])).not.toThrow();
    expect(() => policy.assertAllowed('internal', [v4('10.1.200.3')])).not.toThrow();
    expect(() => policy.assertAllowed('other-loopback', [v4('127.0.0.2')])).toThrow(DomainError);
    expect(() => policy.assertAllowed('internal', [v4('10.2.0.1')])).toThrow(DomainError);
    expect(() => policy.assertAllowed('metadata', [v4('169.254.169.254')])).toThrow(DomainError);
  });

  it('allows every address of a host the allow-list names', () => {
    const policy = new AddressPolicy(['intranet.example']);
    expect(() => policy.assertAllowed('INTRANET.example.', [v4('10.0.0.5'), v6('fd00::5')])).not.toThrow();
    expect(() => policy.assertAllowed('other.example', [v4('10.0.0.5')])).toThrow(DomainError);
  });

  it('stops at start-up on an allow-list entry it cannot read', () => {
    expect(() => new AddressPolicy(['10.0.0.0/40'])).toThrow('SWITCHBOARD_OUTBOUND_ALLOW: "10.0.0.0/40" is not an IP address, CIDR subnet or hostname');
  });
});
