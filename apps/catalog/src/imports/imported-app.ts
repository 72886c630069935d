import type { CreateAppBody } from '@switchboard/contracts';

/** Something in an API document the importer left out or changed, and where: a JSON pointer into the document. */
export interface ImportWarning {
  code: string;
  message: string;
  pointer?: string;
}

/** What an API document becomes: the app `POST /v1/apps` would create from it, and what did not carry over. */
export interface ImportedApp {
  format: 'openapi' | 'swagger' | 'postman';
  /** The version the document declares (`3.0.3`, `2.0`, `2.1.0`). */
  version: string;
  app: CreateAppBody;
  warnings: ImportWarning[];
}

/** Caller's choices that override what the document says. */
export interface ReadApiDocumentOptions {
  tag?: string;
  name?: string;
}
