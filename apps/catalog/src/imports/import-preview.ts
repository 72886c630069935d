import { ErrorCode, IMPORT_LIMITS, type AppDiff, type AppImportPreview, type ImportedAppSummary, type ImportWarningView } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { actionFieldsOf, appNameOf } from '../apps/app-definition.js';
import { toActionSummaryView } from '../apps/app.view.js';
import type { ImportedApp } from './imported-app.js';

/**
 * The preview of an import: the app's outline (its actions as the app view will list them, without schemas or
 * descriptions), the first warnings, and with `diff` what a re-import changes. Refused as `app_too_large` when it
 * would not fit one reply (IMPORT_LIMITS), which a commit checks too before it writes anything.
 */
export function importPreviewOf(importId: string, imported: ImportedApp, diff?: AppDiff): AppImportPreview {
  const preview: AppImportPreview = {
    import_id: importId,
    format: imported.format,
    version: imported.version,
    app: appSummaryOf(imported),
    warnings: imported.warnings.slice(0, IMPORT_LIMITS.previewWarnings).map(listedWarning),
    warning_total: imported.warnings.length,
    ...(diff === undefined ? {} : { diff }),
  };
  const bytes = Buffer.byteLength(JSON.stringify(preview));
  if (bytes > IMPORT_LIMITS.replyBytes) {
    throw new DomainError(
      ErrorCode.AppTooLarge,
      `The import's preview would be ${bytes} bytes, more than the ${IMPORT_LIMITS.replyBytes} a reply carries: its diff or outline names too many long tags`,
      { import_id: importId, reply_bytes: bytes, max_reply_bytes: IMPORT_LIMITS.replyBytes },
    );
  }
  return preview;
}

function appSummaryOf({ app }: ImportedApp): ImportedAppSummary {
  return {
    tag: app.tag,
    name: appNameOf(app),
    envs: (app.envs ?? []).map((env) => ({ slug: env.slug, base_url: env.base_url })),
    auth: (app.auth ?? []).map((scheme) => ({ tag: scheme.tag, type: scheme.type })),
    actions: (app.actions ?? []).map((action, position) => toActionSummaryView(actionFieldsOf('', action, position))),
  };
}

// A warning may quote the document (an operationId, a path): a listed one is cut, so a hundred of them stay small.
function listedWarning(warning: ImportWarningView): ImportWarningView {
  const cut = (text: string): string => (text.length <= IMPORT_LIMITS.warningChars ? text : `${text.slice(0, IMPORT_LIMITS.warningChars - 1)}…`);
  return { code: warning.code, message: cut(warning.message), ...(warning.pointer === undefined ? {} : { pointer: cut(warning.pointer) }) };
}
