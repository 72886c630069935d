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
