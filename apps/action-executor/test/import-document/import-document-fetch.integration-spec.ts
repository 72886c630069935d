import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode } from '@switchboard/contracts';
import { connectNats, IMPORT_DOCUMENT_MAX_BYTES, ImportDocumentStore } from '@switchboard/platform';
import { ImportDocumentFetchService } from '../../src/import-document/import-document-fetch.service.js';
import { OutboundClient, type OutboundClientOptions } from '../../src/outbound/outbound-request.js';
import { startLocalUpstream, type LocalUpstream } from '../outbound/local-upstream.js';
import { natsAccessAs, sharedTestNats } from '@switchboard/testing';

// A reply-sized client limit, as the executor runs with: documents must pass it, run replies must not.
const clientOptions: OutboundClientOptions = {
  allow: ['127.0.0.1'],
  maxResponseBytes: 1024,
  defaultTimeouts: { connectMs: 2000, headersMs: 10_000, bodyMs: 20_000 },
  maxAttempts: 1,
  maxConnectionsPerOrigin: 2,
};

describe('ImportDocumentFetchService over real NATS and a local server', () => {
  let connection: NatsConnection;
  let store: ImportDocumentStore;
  let upstream: LocalUpstream;
  let documentBytes = 0;
  const clients: OutboundClient[] = [];

  const serviceWith = (options: Partial<OutboundClientOptions> = {}): ImportDocumentFetchService => {
    const client = new OutboundClient({ ...clientOptions, ...options });
    clients.push(client);
    return new ImportDocumentFetchService(client, store);
  };

  beforeAll(async () => {
    connection = await connectNats(natsAccessAs(sharedTestNats(), 'action-executor'), 'import-document-fetch-spec');
    store = await ImportDocumentStore.open(connection);
    upstream = await startLocalUpstream((request, response) => {
      if (request.path !== '/openapi.yaml') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/yaml' }).end('#'.repeat(documentBytes));
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await upstream?.close();
    await connection?.close();
  });

  it('stores a document larger than a NATS message and the client limit, and answers its import_id', async () => {
    documentBytes = 2 * (connection.info?.max_payload ?? 0);
    const reply = await serviceWith().fetch(`${upstream.url}/openapi.yaml`);
    expect(reply.bytes).toBe(documentBytes);
    expect(Buffer.from(await store.get(reply.import_id)).toString('utf8')).toBe('#'.repeat(documentBytes));
  });

  it('refuses a document over 10 MiB with document_too_large', async () => {
    documentBytes = IMPORT_DOCUMENT_MAX_BYTES + 1;
    await expect(serviceWith().fetch(`${upstream.url}/openapi.yaml`)).rejects.toMatchObject({ code: ErrorCode.DocumentTooLarge });
  });

  it('refuses a URL the address policy refuses with its outbound_address_refused, before any request', async () => {
    const before = upstream.seen.length;
    await expect(serviceWith({ allow: [] }).fetch(`${upstream.url}/openapi.yaml`)).rejects.toMatchObject({ code: ErrorCode.OutboundAddressRefused });
    expect(upstream.seen.length).toBe(before);
  });

  it('answers a URL that is not a document (HTTP 404) with validation_failed naming url', async () => {
    await expect(serviceWith().fetch(`${upstream.url}/missing`)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: { status: 404, fields: [{ field: 'url' }] },
    });
  });
});
