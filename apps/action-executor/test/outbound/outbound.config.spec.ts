import { loadConfig } from '@switchboard/platform';
import { OutboundConfig, outboundClientOptionsFrom } from '../../src/outbound/outbound.config.js';

describe('OutboundConfig', () => {
  it('has a default for every setting, allowing no private address', () => {
    expect(outboundClientOptionsFrom(loadConfig(OutboundConfig, {}))).toEqual({
      allow: [],
      maxResponseBytes: 720 * 1024,
      defaultTimeouts: { connectMs: 5000, headersMs: 30_000, bodyMs: 30_000 },
      maxAttempts: 3,
      maxConnectionsPerOrigin: 50,
    });
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig(OutboundConfig, {
      SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1, ::1,10.0.0.0/8,intranet.example',
      OUTBOUND_CONNECT_TIMEOUT_MS: '1000',
      OUTBOUND_HEADERS_TIMEOUT_MS: '2000',
      OUTBOUND_BODY_TIMEOUT_MS: '3000',
      OUTBOUND_MAX_RESPONSE_BYTES: '1024',
      OUTBOUND_MAX_ATTEMPTS: '1',
      OUTBOUND_MAX_CONNECTIONS_PER_ORIGIN: '4',
    });
    expect(outboundClientOptionsFrom(config)).toEqual({
      allow: ['127.0.0.1', '::1', '10.0.0.0/8', 'intranet.example'],
      maxResponseBytes: 1024,
      defaultTimeouts: { connectMs: 1000, headersMs: 2000, bodyMs: 3000 },
      maxAttempts: 1,
      maxConnectionsPerOrigin: 4,
    });
  });

  it('stops at start-up on an allow-list entry it cannot read or a limit out of range', () => {
    expect(() => loadConfig(OutboundConfig, { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1,10.0.0.0/99', OUTBOUND_MAX_ATTEMPTS: '0' })).toThrow(
      /SWITCHBOARD_OUTBOUND_ALLOW: SWITCHBOARD_OUTBOUND_ALLOW must be a comma-separated list[^\n]*\n {2}OUTBOUND_MAX_ATTEMPTS: /,
    );
  });

  it('refuses a body limit that no NATS server could carry back in a reply', () => {
    expect(() => loadConfig(OutboundConfig, { OUTBOUND_MAX_RESPONSE_BYTES: String(1024 * 1024 * 1024) })).toThrow(
      'OUTBOUND_MAX_RESPONSE_BYTES: OUTBOUND_MAX_RESPONSE_BYTES must not be greater than 50282496',
    );
  });
});
