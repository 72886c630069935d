import { APP_LIMITS, ErrorCode, type ActionInput, type CreateAppBody } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { actionFieldsOf } from './app-definition.js';
import { toActionSummaryView } from './app.view.js';

/** What one action adds to an app view's action list, in bytes: its summary as JSON, and a comma. */
export function actionSummaryBytes(action: ActionInput): number {
  return Buffer.byteLength(JSON.stringify(toActionSummaryView(actionFieldsOf('', action, 0)))) + 1;
}

/**
 * Refuses (413 `app_too_large`) a definition whose view could not travel in one reply: more actions than an app
 * holds, or summaries over their budget (APP_LIMITS). Every write checks it, so every app view fits.
 */
export function assertWithinAppLimits(definition: CreateAppBody): void {
  const actions = definition.actions ?? [];
  if (actions.length > APP_LIMITS.actions) {
    throw new DomainError(ErrorCode.AppTooLarge, `actions holds ${actions.length} actions; an app holds at most ${APP_LIMITS.actions}`, {
      field: 'actions',
      actions: actions.length,
      max_actions: APP_LIMITS.actions,
    });
  }
  const bytes = actions.reduce((total, action) => total + actionSummaryBytes(action), 0);
  if (bytes > APP_LIMITS.actionSummaryBytes) {
    throw new DomainError(
      ErrorCode.AppTooLarge,
      `actions would be listed in ${bytes} bytes (tags, paths and summaries), more than the ${APP_LIMITS.actionSummaryBytes} an app view carries: shorten summaries or split the app`,
      { field: 'actions', summary_bytes: bytes, max_summary_bytes: APP_LIMITS.actionSummaryBytes },
    );
  }
}
