import { loadConfig } from '@switchboard/platform';
import { WebhooksConfig } from '../../src/webhooks/webhooks.config.js';

describe('WebhooksConfig retention', () => {
  it('keeps received events 30 days unless told otherwise', () => {
    expect(loadConfig(WebhooksConfig, {}).WEBHOOK_EVENT_RETENTION_DAYS).toBe(30);
    expect(loadConfig(WebhooksConfig, { WEBHOOK_EVENT_RETENTION_DAYS: '7' }).WEBHOOK_EVENT_RETENTION_DAYS).toBe(7);
  });

  it('stops start-up on a retention shorter than the replay window, whose repeats it would deliver again', () => {
    expect(() => loadConfig(WebhooksConfig, { WEBHOOK_EVENT_RETENTION_DAYS: '6' })).toThrow(
      'WEBHOOK_EVENT_RETENTION_DAYS: WEBHOOK_EVENT_RETENTION_DAYS must be at least WEBHOOK_REPLAY_WINDOW_DAYS: a repeat of a deleted event would be delivered again',
    );
    expect(loadConfig(WebhooksConfig, { WEBHOOK_EVENT_RETENTION_DAYS: '14', WEBHOOK_REPLAY_WINDOW_DAYS: '14' }).WEBHOOK_EVENT_RETENTION_DAYS).toBe(14);
    for (const value of ['0', '1.5', 'forever', '3651']) {
      expect(() => loadConfig(WebhooksConfig, { WEBHOOK_EVENT_RETENTION_DAYS: value })).toThrow(/WEBHOOK_EVENT_RETENTION_DAYS/);
    }
  });
});

describe('WebhooksConfig disabling of failing targets', () => {
  it('disables a target after five days of failures unless told otherwise', () => {
    expect(loadConfig(WebhooksConfig, {}).WEBHOOK_TARGET_DISABLE_AFTER_MS).toBe(5 * 24 * 60 * 60 * 1000);
    expect(loadConfig(WebhooksConfig, { WEBHOOK_TARGET_DISABLE_AFTER_MS: '400' }).WEBHOOK_TARGET_DISABLE_AFTER_MS).toBe(400);
  });

  it('stops start-up on a value that is not a whole number of milliseconds from 100 to 90 days', () => {
    for (const value of ['0', '99', '1.5', 'soon', '7776000001']) {
      expect(() => loadConfig(WebhooksConfig, { WEBHOOK_TARGET_DISABLE_AFTER_MS: value })).toThrow(/WEBHOOK_TARGET_DISABLE_AFTER_MS/);
    }
  });
});
