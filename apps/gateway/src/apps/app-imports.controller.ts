import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ImportAppBody, Subjects, type AppImportPreview, type AppImportRequest, type AppImportResult, type ImportDocumentFetchReply } from '@switchboard/contracts';
import { assertDocumentSize, ImportDocumentStore, NatsRequester } from '@switchboard/platform';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { Unaudited } from '../audit/unaudited.decorator.js';

/** Reading a 10 MiB document (validating, dereferencing) takes seconds, far more than a usual request. */
const IMPORT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Apps from API documents. The document never travels in a NATS message (it may be 10 MiB): text is stored in the
 * `import-documents` bucket here, a URL is downloaded and stored by the executor, and the catalog gets its import_id.
 */
@ApiTags('apps')
@Controller('v1/apps/import')
export class AppImportsController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly store: ImportDocumentStore,
  ) {}

  @Post('preview')
  @Unaudited()
  @HttpCode(200)
  @ApiOperation({ summary: 'Preview the app an OpenAPI, Swagger or Postman document makes (or, with app, the diff of re-importing it), writing nothing' })
  async preview(@WorkspaceId() workspaceId: string, @Body() body: ImportAppBody): Promise<AppImportPreview> {
    return this.nats.request(Subjects.CatalogAppImportPreview, await this.catalogRequest(workspaceId, body), IMPORT_REQUEST_TIMEOUT_MS);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an app from an OpenAPI, Swagger or Postman document (text, URL or a preview’s import_id), or re-import it into app' })
  async commit(@WorkspaceId() workspaceId: string, @Body() body: ImportAppBody): Promise<AppImportResult> {
    return this.nats.request(Subjects.CatalogAppImportCommit, await this.catalogRequest(workspaceId, body), IMPORT_REQUEST_TIMEOUT_MS);
  }

  private async catalogRequest(workspaceId: string, body: ImportAppBody): Promise<AppImportRequest> {
    const { tag, name, app } = body;
    return { workspace_id: workspaceId, import_id: await this.storedDocument(workspaceId, body), options: { tag, name, app } };
  }

  private async storedDocument(workspaceId: string, body: ImportAppBody): Promise<string> {
    if (body.import_id !== undefined) return body.import_id;
    if (body.url !== undefined) {
      const fetched = await this.nats.request<ImportDocumentFetchReply>(Subjects.ActionsImportDocumentFetch, { workspace_id: workspaceId, url: body.url }, IMPORT_REQUEST_TIMEOUT_MS);
      return fetched.import_id;
    }
    // The body validator admits exactly one source, so without the other two it is the document's text.
    const text = body.document as string;
    assertDocumentSize(Buffer.byteLength(text, 'utf8'));
    return this.store.put(Buffer.from(text, 'utf8'));
  }
}
