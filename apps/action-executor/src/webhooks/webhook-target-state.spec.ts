import { deliveryStateOf, disabledReasonOf, durationText } from './webhook-target-state.js';

describe('durationText', () => {
  it('reads a duration in the largest unit it is a whole or half of', () => {
    expect(durationText(432_000_000)).toBe('5 d');
    expect(durationText(5_400_000)).toBe('1.5 h');
    expect(durationText(120_000)).toBe('2 min');
    expect(durationText(1500)).toBe('1.5 s');
    expect(durationText(250)).toBe('250 ms');
    expect(durationText(1234)).toBe('1234 ms');
  });
});

describe('disabledReasonOf', () => {
  it('says for how long the target failed, under which setting, and its last failure', () => {
    expect(disabledReasonOf('The forward URL answered 503', 432_000_000)).toBe(
      'Every delivery attempt failed for longer than 5 d (WEBHOOK_TARGET_DISABLE_AFTER_MS), so delivery is stopped and new events are held until the webhook is enabled; the last failure: The forward URL answered 503',
    );
  });
});

describe('deliveryStateOf', () => {
  const failingSince = new Date('2026-12-01T10:00:00.000Z');
  const disabledAt = new Date('2026-12-02T10:00:00.000Z');

  it('is healthy without a row, or once a delivery ended the failing streak', () => {
    const healthy = { state: 'healthy', failing_since: null, disabled_at: null, reason: null, held_events: 0 };
    expect(deliveryStateOf(undefined, 0)).toEqual(healthy);
    expect(deliveryStateOf({ failing_since: null, last_failure: null, disabled_at: null, disabled_reason: null }, 0)).toEqual(healthy);
  });

  it('is failing since the first failure, with the latest failure as its reason', () => {
    expect(deliveryStateOf({ failing_since: failingSince, last_failure: 'The forward URL answered 500', disabled_at: null, disabled_reason: null }, 0)).toEqual({
      state: 'failing',
      failing_since: '2026-12-01T10:00:00.000Z',
      disabled_at: null,
      reason: 'The forward URL answered 500',
      held_events: 0,
    });
  });

  it('is disabled with the reason it was disabled for, whatever failed since, and counts the held events', () => {
    expect(deliveryStateOf({ failing_since: failingSince, last_failure: 'later failure', disabled_at: disabledAt, disabled_reason: 'too long' }, 4)).toEqual({
      state: 'disabled',
      failing_since: '2026-12-01T10:00:00.000Z',
      disabled_at: '2026-12-02T10:00:00.000Z',
      reason: 'too long',
      held_events: 4,
    });
  });
});
