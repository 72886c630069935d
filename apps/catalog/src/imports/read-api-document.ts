import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { parseDocumentText } from './document-text.js';
import type { ImportedApp, ReadApiDocumentOptions } from './imported-app.js';
import { importOpenApi } from './openapi-import.js';
import { importPostman } from './postman-import.js';

const POSTMAN_SCHEMA = /schema\.getpostman\.com\/json\/collection\/v(\d+\.\d+\.\d+)\//;

/**
 * Reads an API document (OpenAPI 3.0 or 3.1, Swagger 2.0, JSON or YAML, or a Postman Collection v2.1) into the app it
 * describes, with warnings for what did not carry over. Pure: no I/O; the caller bounds the text's size. Throws
 * `document_invalid` for a document that cannot be read and `document_unsupported` for another format or version.
 */
export async function readApiDocument(text: string, options: ReadApiDocumentOptions = {}): Promise<ImportedApp> {
  const document = parseDocumentText(text);
  if (typeof document.openapi === 'string' || typeof document.openapi === 'number') {
    const version = String(document.openapi);
    if (!/^3\.[01](\.\d+)?$/.test(version)) throw unsupported(`OpenAPI ${version} is not supported: import an OpenAPI 3.0 or 3.1 document`);
    return importOpenApi(document, 'openapi', version, options);
  }
  if (typeof document.swagger === 'string' || typeof document.swagger === 'number') {
    const version = String(document.swagger);
    if (version !== '2.0') throw unsupported(`Swagger ${version} is not supported: import a Swagger 2.0 or an OpenAPI 3.x document`);
    return importOpenApi(document, 'swagger', version, options);
  }
  const info = document.info;
  const schema = typeof info === 'object' && info !== null ? (info as Record<string, unknown>).schema : undefined;
  const postmanVersion = typeof schema === 'string' ? POSTMAN_SCHEMA.exec(schema)?.[1] : undefined;
  if (postmanVersion !== undefined) {
    if (!postmanVersion.startsWith('2.1.')) throw unsupported(`Postman Collection v${postmanVersion} is not supported: export the collection as v2.1`);
    return importPostman(document, postmanVersion, options);
  }
  throw unsupported('The document is not an OpenAPI 3.x, Swagger 2.0 or Postman Collection v2.1 document: it has no openapi, swagger or info.schema field');
}

function unsupported(message: string): DomainError {
  return new DomainError(ErrorCode.DocumentUnsupported, message);
}
