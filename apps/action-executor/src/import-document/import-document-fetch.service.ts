import { ErrorCode, type ImportDocumentFetchReply } from '@switchboard/contracts';
import { DomainError, fieldFailure, IMPORT_DOCUMENT_MAX_BYTES, type ImportDocumentStore } from '@switchboard/platform';
import type { OutboundClient } from '../outbound/outbound-client.js';

/**
 * Downloads an API document to import, through the same outbound client and address policy as action runs, and
 * stores it for the catalog: the document may be 10 MiB, far more than a NATS reply carries.
 */
export class ImportDocumentFetchService {
  constructor(
    private readonly outbound: OutboundClient,
    private readonly store: ImportDocumentStore,
  ) {}

  async fetch(url: string): Promise<ImportDocumentFetchReply> {
    const response = await this.outbound
      .send({
        method: 'GET',
        url: new URL(url),
        headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
        maxResponseBytes: IMPORT_DOCUMENT_MAX_BYTES,
        bodyStoredOutsideReply: true,
      })
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.code === ErrorCode.UpstreamResponseTooLarge) {
          throw new DomainError(ErrorCode.DocumentTooLarge, `url answered a document over the ${IMPORT_DOCUMENT_MAX_BYTES} bytes an import accepts`, {
            max_bytes: IMPORT_DOCUMENT_MAX_BYTES,
          });
        }
        throw error;
      });
    if (response.status < 200 || response.status > 299) {
      throw fieldFailure('url', `url answered HTTP ${response.status} instead of a document`, ErrorCode.ValidationFailed, { status: response.status });
    }
    return { import_id: await this.store.put(response.body), bytes: response.body.byteLength };
  }
}
