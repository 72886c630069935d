import { Injectable } from '@nestjs/common';
import { ErrorCode, type AppDiff, type AppImportPreview, type AppImportRequest, type AppImportResult } from '@switchboard/contracts';
import { DomainError, ImportDocumentStore } from '@switchboard/platform';
import { keepingRateLimit } from '../apps/app-definition.js';
import { diffApp } from '../apps/app-diff.js';
import { AppsService } from '../apps/apps.service.js';
import { importPreviewOf } from './import-preview.js';
import type { ImportedApp } from './imported-app.js';
import { ApiDocumentReader } from './api-document-reader.js';

/**
 * Imports of API documents the gateway or the executor stored: a preview reads the document and writes nothing;
 * a commit creates the app, or with `app` replaces that app's definition (a re-import applies the preview's diff).
 */
@Injectable()
export class AppImportsService {
  constructor(
    private readonly store: ImportDocumentStore,
    private readonly apps: AppsService,
    private readonly reader: ApiDocumentReader,
  ) {}

  async preview(request: AppImportRequest): Promise<AppImportPreview> {
    const imported = await this.read(request);
    return importPreviewOf(request.import_id, imported, await this.diffOf(request, imported));
  }

  async commit(request: AppImportRequest): Promise<AppImportResult> {
    const imported = await this.read(request);
    // The commit's reply holds what the preview's does, so a preview that would not fit is refused before any write.
    const diff = await this.diffOf(request, imported);
    importPreviewOf(request.import_id, imported, diff);
    const result = { import_id: request.import_id, warning_total: imported.warnings.length };
    const { app } = request.options;
    if (app === undefined) return { ...result, app: await this.apps.create(request.workspace_id, imported.app) };
    return { ...result, app: await this.apps.replace(request.workspace_id, app, imported.app), diff };
  }

  // With `app`: what re-importing into it changes, measured against its stored definition, schemas included.
  private async diffOf(request: AppImportRequest, imported: ImportedApp): Promise<AppDiff | undefined> {
    const { app } = request.options;
    if (app === undefined) return undefined;
    const current = await this.apps.fetchDefinition(request.workspace_id, app);
    return diffApp(current, keepingRateLimit(imported.app, current));
  }

  // A re-import keeps the app's tag whatever the document is titled.
  private async read(request: AppImportRequest): Promise<ImportedApp> {
    const text = documentText(await this.store.get(request.import_id));
    const { app, tag, name } = request.options;
    return this.reader.read(text, { tag: app ?? tag, name });
  }
}

function documentText(bytes: Uint8Array): string {
  try {
    // fatal: a document in another encoding is refused instead of read with replacement characters.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError(ErrorCode.DocumentInvalid, 'The document is not UTF-8 text: save it as UTF-8 and import it again');
  }
}
