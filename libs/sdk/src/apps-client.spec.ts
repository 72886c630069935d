import { FakeGateway } from '../test/fake-gateway.js';
import { appReply, optionsFor } from '../test/fixtures.js';
import { Switchboard, type CreateAppInput, type UpdateAppInput } from './index.js';

describe('switchboard.app', () => {
  let gateway: FakeGateway;
  let switchboard: Switchboard;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    switchboard = new Switchboard(optionsFor(gateway.url));
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('create posts the app to the catalog', async () => {
    gateway.on('POST', '/v1/apps', { status: 201, json: appReply('stripe') });
    const input: CreateAppInput = {
      tag: 'stripe',
      name: 'Stripe',
      envs: [{ slug: 'prd', base_url: 'https://api.stripe.com', request_type: 'JSON', active: true }],
      actions: [{ tag: 'create-charge', method: 'POST', path: '/v1/charges' }],
    };

    await expect(switchboard.app.create(input)).resolves.toEqual(appReply('stripe'));

    expect(gateway.lastRequest).toMatchObject({ method: 'POST', path: '/v1/apps', body: input });
  });

  it('create rejects with the gateway error when the tag is taken', async () => {
    gateway.on('POST', '/v1/apps', { status: 409, json: { code: 'app_tag_taken', message: 'App "stripe" exists', details: {} } });

    await expect(switchboard.app.create({ tag: 'stripe' })).rejects.toMatchObject({ code: 'app_tag_taken', status: 409 });
  });

  it('update patches only the changes given, with the tag encoded', async () => {
    gateway.on('PATCH', '/v1/apps/my%20app', { status: 200, json: appReply('my app') });
    const changes: UpdateAppInput = { actions: [{ tag: 'create-charge', method: 'POST', path: '/v2/charges' }], remove_actions: ['refund'] };

    await expect(switchboard.app.update('my app', changes)).resolves.toEqual(appReply('my app'));

    expect(gateway.lastRequest).toMatchObject({ method: 'PATCH', path: '/v1/apps/my%20app', body: changes });
  });

  it('fetch reads one app, with its tag encoded', async () => {
    gateway.on('GET', '/v1/apps/my%20app', { status: 200, json: appReply('my app') });

    await expect(switchboard.app.fetch('my app')).resolves.toMatchObject({ tag: 'my app' });
  });

  it('fetch rejects an empty tag without sending a request', async () => {
    await expect(switchboard.app.fetch('')).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'tag' } });

    expect(gateway.requests).toHaveLength(0);
  });

  it('fetchAll lists the catalog', async () => {
    gateway.on('GET', '/v1/apps', { status: 200, json: [appReply('stripe'), appReply('sendgrid')] });

    const apps = await switchboard.app.fetchAll();

    expect(apps.map((app) => app.tag)).toEqual(['stripe', 'sendgrid']);
  });
});
