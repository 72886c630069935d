import { IsInt, Min } from 'class-validator';
import { InvalidConfigError, loadConfig, loadConfigs } from './load-config.js';
import { ServiceConfig } from './service.config.js';

class RetryConfig {
  @IsInt()
  @Min(1)
  RETRY_ATTEMPTS: number = 3;
}

class WorkerConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  WORKER_COUNT: number = 2;
}

describe('loadConfig', () => {
  it('fills every setting from its default when the environment is empty', () => {
    const config = loadConfig(ServiceConfig, {});
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NATS_REQUEST_TIMEOUT_MS).toBe(5000);
  });

  it('converts numeric settings from their string form', () => {
    expect(loadConfig(ServiceConfig, { NATS_REQUEST_TIMEOUT_MS: '750' }).NATS_REQUEST_TIMEOUT_MS).toBe(750);
  });

  it('takes a NATS user with its password, and refuses either without the other', () => {
    expect(loadConfig(ServiceConfig, { NATS_USER: 'gateway', NATS_PASSWORD: '12345' })).toMatchObject({ NATS_USER: 'gateway', NATS_PASSWORD: '12345' });
    expect(() => loadConfig(ServiceConfig, { NATS_USER: 'gateway' })).toThrow(/NATS_PASSWORD: NATS_PASSWORD must be set when NATS_USER is/);
    expect(() => loadConfig(ServiceConfig, { NATS_PASSWORD: 'secret' })).toThrow(/NATS_USER: NATS_USER must be set when NATS_PASSWORD is/);
  });

  it('stops with every invalid setting listed', () => {
    expect(() => loadConfig(ServiceConfig, { NATS_URL: 'http://x', LOG_LEVEL: 'loud' })).toThrow(
      /Invalid environment variables:\n {2}NATS_URL: .*\n {2}LOG_LEVEL: /,
    );
  });
});

describe('loadConfigs', () => {
  it('returns one validated instance per class, in the order asked', () => {
    const [service, retry] = loadConfigs([ServiceConfig, RetryConfig], { RETRY_ATTEMPTS: '5' });
    expect([service, retry]).toEqual([expect.any(ServiceConfig), expect.any(RetryConfig)]);
    expect([service.NATS_REQUEST_TIMEOUT_MS, retry.RETRY_ATTEMPTS]).toEqual([5000, 5]);
  });

  it('lists the problems of every class at once, not only those of the first wrong one', () => {
    let problems: readonly string[] = [];
    try {
      loadConfigs([ServiceConfig, RetryConfig], { LOG_LEVEL: 'loud', RETRY_ATTEMPTS: '0' });
    } catch (error) {
      if (error instanceof InvalidConfigError) problems = error.problems;
    }
    expect(problems).toEqual([expect.stringMatching(/^LOG_LEVEL: /), 'RETRY_ATTEMPTS: RETRY_ATTEMPTS must not be less than 1']);
  });

  it('lists a wrong setting that two classes share once', () => {
    expect(() => loadConfigs([ServiceConfig, WorkerConfig], { NATS_URL: 'http://x', WORKER_COUNT: '0' })).toThrow(
      new InvalidConfigError(['NATS_URL: NATS_URL must be a nats:// URL', 'WORKER_COUNT: WORKER_COUNT must not be less than 1']),
    );
  });
});
