import { isTrustProxySetting, trustProxyOf } from './trust-proxy.js';

describe('GATEWAY_TRUST_PROXY', () => {
  it.each(['', 'true', '127.0.0.1', '10.0.0.0/8, 192.168.1.1', '::1', 'fd00::/8', 'loopback', 'loopback,10.0.0.0/8'])('accepts %p', (value) => {
    expect(isTrustProxySetting(value)).toBe(true);
  });

  it.each(['yes', '2', '1.2.3', '10.0.0.0/33', '::1/129', 'loopback/8', '10.0.0.0/8/8', '10.0.0.1,', 'proxy.example.com'])('refuses %p', (value) => {
    expect(isTrustProxySetting(value)).toBe(false);
  });

  it('becomes what fastify takes: false, true, or the address list as written', () => {
    expect([trustProxyOf(''), trustProxyOf('true'), trustProxyOf('10.0.0.0/8,::1')]).toEqual([false, true, '10.0.0.0/8,::1']);
  });
});
