import type { AppImportPreview, ImportedAppSummary } from '@switchboard/contracts';
import type { ImportedApp } from './imported-app.js';
import { appNameOf } from '../apps/app-definition.js';

/** How many warnings a preview lists; `warning_total` counts the rest. */
export const PREVIEW_WARNINGS_MAX = 100;

/** How much of an action's summary a preview shows: enough to recognise it, small enough for 500 actions. */
export const PREVIEW_SUMMARY_MAX_CHARS = 200;

/**
 * The preview of an import: the app's outline (actions without their schemas and descriptions) and the first
 * warnings, so the reply stays far below a NATS message's 1 MiB whatever the document's size.
 */
export function importPreviewOf(importId: string, imported: ImportedApp): Omit<AppImportPreview, 'diff'> {
  return {
    import_id: importId,
    format: imported.format,
    version: imported.version,
    app: appSummaryOf(imported),
    warnings: imported.warnings.slice(0, PREVIEW_WARNINGS_MAX),
    warning_total: imported.warnings.length,
  };
}

function appSummaryOf({ app }: ImportedApp): ImportedAppSummary {
  return {
    tag: app.tag,
    name: appNameOf(app),
    envs: (app.envs ?? []).map((env) => ({ slug: env.slug, base_url: env.base_url })),
    auth: (app.auth ?? []).map((scheme) => ({ tag: scheme.tag, type: scheme.type })),
    actions: (app.actions ?? []).map((action) => ({
      tag: action.tag,
      method: action.method,
      path: action.path,
      request_type: action.request_type ?? null,
      summary: action.summary === undefined ? null : action.summary.slice(0, PREVIEW_SUMMARY_MAX_CHARS),
    })),
  };
}
