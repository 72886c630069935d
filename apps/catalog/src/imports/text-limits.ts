import { APP_LIMITS } from '@switchboard/contracts';
import type { ImportWarnings } from './import-warnings.js';

/** Limits of the contracts' text fields that documents often exceed (long descriptions written in Markdown). */
export const TEXT_LIMITS = {
  appName: APP_LIMITS.nameChars,
  appDescription: APP_LIMITS.descriptionChars,
  actionSummary: APP_LIMITS.actionSummaryChars,
  actionDescription: APP_LIMITS.actionDescriptionChars,
} as const;

/** `text` within `limit` characters, cut with an ellipsis and a warning when longer. */
export function fitText(text: string, limit: number, warnings: ImportWarnings, what: string, pointer?: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed;
  warnings.add('text_truncated', `${what} is longer than ${limit} characters and was cut`, pointer);
  return `${trimmed.slice(0, limit - 1)}…`;
}
