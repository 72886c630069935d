import { APP_LIMITS, ErrorCode, type ActionInput } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { thrownBy } from '@switchboard/testing';
import { actionSummaryBytes, assertWithinAppLimits } from './app-size.js';

const actions = (count: number, summary = ''): ActionInput[] => Array.from({ length: count }, (_, index) => ({ tag: `action-${index}`, method: 'GET', path: `/things/${index}`, summary }));

describe('assertWithinAppLimits', () => {
  it('lets an app of 5,000 actions with short summaries through', () => {
    expect(() => assertWithinAppLimits({ tag: 'big', actions: actions(APP_LIMITS.actions, 'List things') })).not.toThrow();
  });

  it('refuses one action more than an app holds with app_too_large naming actions', () => {
    const error = thrownBy(() => assertWithinAppLimits({ tag: 'big', actions: actions(APP_LIMITS.actions + 1) }), DomainError);

    expect([error.code, error.message, error.details]).toEqual([
      ErrorCode.AppTooLarge,
      'actions holds 5001 actions; an app holds at most 5000',
      { field: 'actions', actions: 5001, max_actions: 5000 },
    ]);
  });

  it('refuses summaries whose list would not fit an app view, however few the actions', () => {
    const wordy = actions(2000, 'x'.repeat(APP_LIMITS.actionSummaryChars));
    const bytes = wordy.reduce((total, action) => total + actionSummaryBytes(action), 0);

    const error = thrownBy(() => assertWithinAppLimits({ tag: 'wordy', actions: wordy }), DomainError);

    expect(bytes).toBeGreaterThan(APP_LIMITS.actionSummaryBytes);
    expect([error.code, error.details]).toEqual([ErrorCode.AppTooLarge, { field: 'actions', summary_bytes: bytes, max_summary_bytes: APP_LIMITS.actionSummaryBytes }]);
    expect(error.message).toContain(`more than the ${APP_LIMITS.actionSummaryBytes} an app view carries`);
  });

  it('counts an action as its summary view plus a comma, never its schemas', () => {
    const action: ActionInput = { tag: 'a', method: 'POST', path: '/a', schema: { body: { type: 'object', description: 'y'.repeat(10_000) } } };

    expect(actionSummaryBytes(action)).toBe(JSON.stringify({ tag: 'a', method: 'POST', path: '/a', request_type: null, summary: '', has_schema: true }).length + 1);
  });
});
