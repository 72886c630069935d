import { randomUUID } from 'node:crypto';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, ObjectStores } from '@switchboard/contracts';
import { DomainError } from '../errors/domain-error.js';

/** The largest API document an import accepts, counted in bytes before anything parses it. */
export const IMPORT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The JetStream Object Store bucket that carries API documents between the services. */
export const IMPORT_DOCUMENT_BUCKET = ObjectStores.ImportDocuments;

/** How long a stored document stays: long enough for a user to read a preview and commit it. */
export const IMPORT_DOCUMENT_TTL_MS = 60 * 60 * 1000;

/**
 * API documents on their way to the catalog. A document may be 10 MiB and a NATS message at most 1 MiB, so the
 * gateway (text and uploads) or the executor (URLs) stores it here and sends only its name, which is also the
 * `import_id` a preview hands back for the commit.
 */
export class ImportDocumentStore {
  private constructor(private readonly bucket: ObjectStore) {}

  /** Opens the bucket, creating it when no service has yet: every service may start first. */
  static async open(connection: NatsConnection): Promise<ImportDocumentStore> {
    const bucket = await new Objm(connection).create(IMPORT_DOCUMENT_BUCKET, { ttl: nanos(IMPORT_DOCUMENT_TTL_MS) });
    return new ImportDocumentStore(bucket);
  }

  /** Stores a document and answers the name it is found by; refuses one over the size limit before storing it. */
  async put(document: Uint8Array): Promise<string> {
    assertDocumentSize(document.byteLength);
    const name = randomUUID();
    await this.bucket.putBlob({ name }, document);
    return name;
  }

  /** The document stored under a name; an unknown or expired one is `import_not_found`. */
  async get(name: string): Promise<Uint8Array> {
    const document = await this.bucket.getBlob(name);
    if (document === null) throw new DomainError(ErrorCode.ImportNotFound, `import_id ${name} names no stored document (it expired or never existed)`, { import_id: name });
    return document;
  }
}

/** Refuses a document over {@link IMPORT_DOCUMENT_MAX_BYTES} with `document_too_large`. */
export function assertDocumentSize(bytes: number): void {
  if (bytes > IMPORT_DOCUMENT_MAX_BYTES) {
    throw new DomainError(ErrorCode.DocumentTooLarge, `document is ${bytes} bytes, more than the ${IMPORT_DOCUMENT_MAX_BYTES} an import accepts`, {
      bytes,
      max_bytes: IMPORT_DOCUMENT_MAX_BYTES,
    });
  }
}
