import { FakeGateway } from '../test/fake-gateway.js';
import { appReply, optionsFor } from '../test/fixtures.js';
import { Switchboard } from './index.js';

// Uploads (Blob and Buffer sources) are multipart, which the JSON fake cannot read: the platform e2e covers them.
describe('switchboard.app.import', () => {
  let gateway: FakeGateway;
  let switchboard: Switchboard;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    switchboard = new Switchboard(optionsFor(gateway.url));
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('preview sends a string source as the document text, with the options', async () => {
    const preview = { import_id: 'b9c1…', format: 'openapi', version: '3.1.0', app: { tag: 'orders', name: 'Orders', envs: [], auth: [], actions: [] }, warnings: [], warning_total: 0 };
    gateway.on('POST', '/v1/apps/import/preview', { status: 200, json: preview });

    await expect(switchboard.app.import.preview('openapi: 3.1.0', { tag: 'orders', name: 'Orders' })).resolves.toEqual(preview);

    expect(gateway.lastRequest).toMatchObject({ method: 'POST', body: { document: 'openapi: 3.1.0', tag: 'orders', name: 'Orders' } });
    expect(gateway.lastRequest?.headers['content-type']).toBe('application/json');
  });

  it('commit sends a URL or an import_id source as that field', async () => {
    const result = { import_id: '5d0e…', app: appReply('orders'), warning_total: 0 };
    gateway.on('POST', '/v1/apps/import', { status: 201, json: result });

    await expect(switchboard.app.import.commit({ url: 'https://example.com/openapi.json' })).resolves.toEqual(result);
    expect(gateway.lastRequest?.body).toEqual({ url: 'https://example.com/openapi.json' });

    await switchboard.app.import.commit({ import_id: '5d0e…' }, { app: 'orders' });
    expect(gateway.lastRequest?.body).toEqual({ import_id: '5d0e…', app: 'orders' });
  });

  it('rejects with the gateway error', async () => {
    gateway.on('POST', '/v1/apps/import', { status: 404, json: { code: 'import_not_found', message: 'import_id x names no stored document', details: {} } });

    await expect(switchboard.app.import.commit({ import_id: 'x' })).rejects.toMatchObject({ code: 'import_not_found', status: 404 });
  });
});
