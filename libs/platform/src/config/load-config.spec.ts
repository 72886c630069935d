import { ServiceConfig } from './service.config.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('fills every setting from its default when the environment is empty', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NATS_REQUEST_TIMEOUT_MS).toBe(5000);
  });

  it('converts numeric settings from their string form', () => {
    expect(loadConfig(ServiceConfig, { NATS_REQUEST_TIMEOUT_MS: '750' }).NATS_REQUEST_TIMEOUT_MS).toBe(750);
  });

  it('stops with every invalid setting listed', () => {
    expect(() => loadConfig(ServiceConfig, { NATS_URL: 'http://x', LOG_LEVEL: 'loud' })).toThrow(
      /Invalid environment variables:\n {2}NATS_URL: .*\n {2}LOG_LEVEL: /,
    );
  });
});
