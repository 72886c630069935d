import multipart from '@fastify/multipart';
import { ErrorCode } from '@switchboard/contracts';
import { BODY_FIELD, DomainError, fieldFailure, IMPORT_DOCUMENT_MAX_BYTES } from '@switchboard/platform';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unsupportedMediaType } from './json-bodies.js';

/** The routes that take an API document in their body, and so a larger body, and uploads, unlike any other route. */
export const IMPORT_ROUTES: readonly string[] = ['/v1/apps/import/preview', '/v1/apps/import'];

/**
 * A 10 MiB document sent as a JSON string grows by its escapes (each quote, backslash and newline takes two bytes):
 * 40% more leaves room for those, and the document's own size is then checked in bytes (`document_too_large`).
 */
export const IMPORT_BODY_LIMIT_BYTES = Math.ceil(IMPORT_DOCUMENT_MAX_BYTES * 1.4);

/** The multipart file field that carries the document; the other fields are the JSON body's text fields. */
export const DOCUMENT_FIELD = 'document';

const MULTIPART_MEDIA_TYPE = 'multipart/form-data';
const UPLOAD_TEXT_FIELDS_MAX = 5;

/**
 * The import routes take a larger body than the others, and also `multipart/form-data` with the document as a file
 * and the JSON body's other fields as text: every other route still answers 415 to an upload. Must run before the
 * routes are registered (app init).
 */
export async function acceptImportBodies(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRoute', (route) => {
    if (IMPORT_ROUTES.includes(route.url)) route.bodyLimit = IMPORT_BODY_LIMIT_BYTES;
  });
  // Refused before the body is read (onRequest comes before any content-type parser), so it costs nothing.
  fastify.addHook('onRequest', (request, _reply, done) => {
    done(isUpload(request) && !isImportRoute(request) ? unsupportedMediaType(request.headers['content-type']) : undefined);
  });
  await fastify.register(multipart, {
    limits: { fileSize: IMPORT_DOCUMENT_MAX_BYTES, files: 1, fields: UPLOAD_TEXT_FIELDS_MAX, fieldSize: 1024, parts: UPLOAD_TEXT_FIELDS_MAX + 1 },
  });
  fastify.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = await uploadedBody(request);
  });
}

/** Whether the request is to one of {@link IMPORT_ROUTES}. */
export function isImportRoute(request: FastifyRequest): boolean {
  return IMPORT_ROUTES.includes(request.routeOptions.url ?? '');
}

function isUpload(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === MULTIPART_MEDIA_TYPE;
}

/** An upload as the JSON body it stands for: `{ document: text, tag?, name?, app? }`, validated by the route's contract. */
async function uploadedBody(request: FastifyRequest): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  try {
    for await (const part of request.parts()) {
      if (part.fieldname in body) throw fieldFailure(part.fieldname, `${part.fieldname} is sent twice: send each field once`);
      if (part.type === 'file') {
        if (part.fieldname !== DOCUMENT_FIELD) throw fieldFailure(part.fieldname, `${part.fieldname} must not be a file: send the document as the file field ${DOCUMENT_FIELD}`);
        body[DOCUMENT_FIELD] = uploadedText(await part.toBuffer());
      } else {
        body[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    throw uploadFailure(error);
  }
  return body;
}

// The multipart reader's refusals carry fastify codes (limits) or none (a malformed body): all are the caller's.
function uploadFailure(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new DomainError(ErrorCode.DocumentTooLarge, `The uploaded document is more than the ${IMPORT_DOCUMENT_MAX_BYTES} bytes an import accepts`, {
      field: DOCUMENT_FIELD,
      max_bytes: IMPORT_DOCUMENT_MAX_BYTES,
    });
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return fieldFailure(BODY_FIELD, `An import upload has one file, ${DOCUMENT_FIELD}, and at most ${UPLOAD_TEXT_FIELDS_MAX} text fields`);
  }
  return fieldFailure(BODY_FIELD, `The multipart body could not be read: send the document as the file field ${DOCUMENT_FIELD} and the other fields as text`);
}

function uploadedText(document: Buffer): string {
  try {
    // fatal: a file in another encoding is refused instead of read with replacement characters.
    return new TextDecoder('utf-8', { fatal: true }).decode(document);
  } catch {
    throw new DomainError(ErrorCode.DocumentInvalid, 'The uploaded document is not UTF-8 text: save it as UTF-8 and upload it again', { field: DOCUMENT_FIELD });
  }
}
