import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { AddressPolicy, parseAllowEntry, refusedRangeOf, splitAllowList } from '../../src/outbound/address-policy.js';
import { embeddedIpv4, parseIpLiteral } from '../../src/outbound/ip-literal.js';

describe('refusedRangeOf', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.100.100.200', 'shared'],
    ['100.127.255.255', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.254', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses the IPv4 address %s as %s', (address, range) => {
    expect(refusedRangeOf(address)).toBe(range);
  });

  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'unique-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fdff:ffff::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['FF05::2', 'multicast'],
  ])('refuses the IPv6 address %s as %s', (address, range) => {
    expect(refusedRangeOf(address)).toBe(range);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::10.1.2.3', 'private'],
  ])('judges %s by the IPv4 address it carries (%s)', (address, range) => {
    expect(refusedRangeOf(address)).toBe(range);
  });

  it.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '169.255.0.1', '223.255.255.255', '2606:4700::1', '2001:4860:4860::8888', '::ffff:93.184.216.34', '64:ff9b::8.8.8.8', 'fec0::1'])(
    'lets the public address %s through',
    (address) => {
      expect(refusedRangeOf(address)).toBeUndefined();
    },
  );

  it.each(['localhost', '', 'not an address', '1.2.3.4.5'])('refuses %j, which is not an address at all', (address) => {
    expect(refusedRangeOf(address)).toBe('not-an-address');
  });
});

describe('parseIpLiteral', () => {
  // Raw spellings, as a resolver (inet_aton) reads them, and the same hosts after `new URL()` normalised them.
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
    ['127.0.0.1.', '127.0.0.1'],
    ['0', '0.0.0.0'],
    ['0x0', '0.0.0.0'],
    ['0x', '0.0.0.0'],
    ['2852039166', '169.254.169.254'],
    ['0xa9fea9fe', '169.254.169.254'],
    ['0251.0376.0251.0376', '169.254.169.254'],
    ['169.254.43518', '169.254.169.254'],
    ['10.1', '10.0.0.1'],
    ['4294967295', '255.255.255.255'],
  ])('reads the IPv4 spelling %s as %s, raw and as new URL() leaves it', (spelling, address) => {
    expect(parseIpLiteral(spelling)).toEqual({ address, family: 4 });
    const normalised = new URL(`http://${spelling}/`).hostname;
    expect(parseIpLiteral(normalised)).toEqual({ address, family: 4 });
    expect(refusedRangeOf(spelling)).toBe(refusedRangeOf(address));
    expect(refusedRangeOf(normalised)).toBe(refusedRangeOf(address));
  });

  it.each(['[::1]', '[::ffff:127.0.0.1]', '[64:ff9b::127.0.0.1]', '[fe80::1]'])('reads the bracketed IPv6 host %s, raw and through new URL()', (host) => {
    const raw = parseIpLiteral(host);
    expect(raw?.family).toBe(6);
    expect(refusedRangeOf(host)).toBeDefined();
    expect(refusedRangeOf(new URL(`http://${host}/`).hostname)).toBe(refusedRangeOf(host));
  });

  it.each(['example.com', '4294967296', '256.0.0.1', '1.2.3.4.5', '08.0.0.1', '1..1', 'fake.example', '127.0.0.1x'])(
    'leaves %s to DNS, as it is no IPv4 spelling',
    (host) => {
      expect(parseIpLiteral(host)).toBeUndefined();
    },
  );
});

describe('embeddedIpv4', () => {
  it('finds the IPv4 address in mapped and NAT64 forms, and nowhere else', () => {
    expect(embeddedIpv4('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(embeddedIpv4('::ffff:102:304')).toBe('1.2.3.4');
    expect(embeddedIpv4('64:ff9b::102:304')).toBe('1.2.3.4');
    expect(embeddedIpv4('2606:4700::1')).toBeUndefined();
    expect(embeddedIpv4('::1')).toBeUndefined();
  });
});

describe('parseAllowEntry', () => {
  it('reads addresses, subnets and hostnames, and nothing else', () => {
    expect(parseAllowEntry('127.0.0.1')).toEqual({ kind: 'address', address: '127.0.0.1', family: 'ipv4' });
    expect(parseAllowEntry('::1')).toEqual({ kind: 'address', address: '::1', family: 'ipv6' });
    expect(parseAllowEntry('10.0.0.0/8')).toEqual({ kind: 'subnet', network: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseAllowEntry('fd00::/8')).toEqual({ kind: 'subnet', network: 'fd00::', prefix: 8, family: 'ipv6' });
    expect(parseAllowEntry('Internal.Example.')).toEqual({ kind: 'hostname', hostname: 'internal.example' });
    for (const invalid of ['10.0.0.0/33', '::/129', '10.0.0.0/', 'host name', 'http://x', '*.example.com', '']) {
      expect(parseAllowEntry(invalid)).toBeUndefined();
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

  it('refuses a private address with a message naming the host and the address, and how to allow it', () => {
    const error = thrownBy(() => new AddressPolicy([]).assertAllowed('api.example.com', [v4('10.0.0.1')]), DomainError);
    expect(error.code).toBe(ErrorCode.OutboundAddressRefused);
    expect(error.message).toBe(
      'Outbound requests to api.example.com are refused: it resolves to a private, loopback, link-local or metadata address (10.0.0.1); allow it with SWITCHBOARD_OUTBOUND_ALLOW',
    );
    expect(error.details).toEqual({ host: 'api.example.com', address: '10.0.0.1', range: 'private' });
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
