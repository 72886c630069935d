import type { HttpClient } from './http-client.js';
import type { AppImportOptions, AppImportPreview, AppImportResult, AppImportSource } from './types.js';

/** Apps from OpenAPI 3.x, Swagger 2.0 and Postman v2.1 documents: `switchboard.app.import`. */
export class AppImportsClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** What importing the document would create, or with `options.app` change in that app; writes nothing. */
  async preview(source: AppImportSource, options: AppImportOptions = {}): Promise<AppImportPreview> {
    return await this.#http.request<AppImportPreview>('POST', '/v1/apps/import/preview', importBody(source, options));
  }

  /** Creates the app the document describes, or with `options.app` re-imports it into that app (applying the diff). */
  async commit(source: AppImportSource, options: AppImportOptions = {}): Promise<AppImportResult> {
    return await this.#http.request<AppImportResult>('POST', '/v1/apps/import', importBody(source, options));
  }
}

function importBody(source: AppImportSource, options: AppImportOptions): object | FormData {
  if (typeof source === 'string') return { ...options, document: source };
  if (!(source instanceof Blob) && !(source instanceof Uint8Array)) return { ...options, ...source };
  const form = new FormData();
  // The text fields go first: the gateway reads them before it reads the file.
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) form.append(name, value);
  }
  // slice() copies the bytes onto an ArrayBuffer of their own: a view of a SharedArrayBuffer is no Blob part in browsers.
  form.append('document', source instanceof Blob ? source : new Blob([source.slice()]), 'document');
  return form;
}
