import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode } from '@switchboard/contracts';
import { connectNats, type NatsAccess } from '../messaging/nats-connection.js';
import { IMPORT_DOCUMENT_MAX_BYTES, ImportDocumentStore } from './import-document-store.js';

// The jest run's NATS, as the harness user the global setup hands the tests (this library cannot import the harness).
const JEST_RUN_NATS: NatsAccess = { url: process.env.NATS_URL ?? '', user: process.env.NATS_USER, password: process.env.NATS_PASSWORD };

describe('ImportDocumentStore over real NATS', () => {
  let connection: NatsConnection;

  beforeAll(async () => {
    connection = await connectNats(JEST_RUN_NATS, 'import-document-store-spec');
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('carries a document larger than a NATS message from one opener of the bucket to another', async () => {
    const document = new TextEncoder().encode('x'.repeat(3 * (connection.info?.max_payload ?? 0)));
    const name = await (await ImportDocumentStore.open(connection)).put(document);
    // A second open finds the bucket the first created, as a second service starting does.
    expect(await (await ImportDocumentStore.open(connection)).get(name)).toEqual(document);
  });

  it('answers a name it never stored with import_not_found naming it', async () => {
    const store = await ImportDocumentStore.open(connection);
    await expect(store.get('no-such-import')).rejects.toMatchObject({ code: ErrorCode.ImportNotFound, details: { import_id: 'no-such-import' } });
  });

  it('refuses a document over 10 MiB with document_too_large before storing it', async () => {
    const store = await ImportDocumentStore.open(connection);
    await expect(store.put(new Uint8Array(IMPORT_DOCUMENT_MAX_BYTES + 1))).rejects.toMatchObject({ code: ErrorCode.DocumentTooLarge });
  });
});
