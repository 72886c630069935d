import type { ImportWarnings } from './import-warnings.js';

/** Limits of the contracts' text fields that documents often exceed (long descriptions written in Markdown). */
export const TEXT_LIMITS = { appName: 200, appDescription: 2000, actionSummary: 500, actionDescription: 10_000 } as const;

/** `text` within `limit` characters, cut with an ellipsis and a warning when longer. */
export function fitText(text: string, limit: number, warnings: ImportWarnings, what: string, pointer?: string): string {
  const trimmed = text.trim();
  if (trimmed.length <= limit) return trimmed;
  warnings.add('text_truncated', `${what} is longer than ${limit} characters and was cut`, pointer);
  return `${trimmed.slice(0, limit - 1)}…`;
}
