import { ErrorCode, Events, Subjects, type AppView } from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, harnessNatsAccess } from '@switchboard/testing';
import type { NatsConnection } from '@nats-io/transport-node';

describe('Updating an app in the catalog over real NATS and PostgreSQL', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let catalog: ServiceHandle;
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_app_update_${Date.now()}`;

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    catalog = await startService('catalog', { nats: natsServer, env: { DATABASE_URL: database.url } });
    connection = await connectNats(harnessNatsAccess(natsServer), 'app-update-integration-spec');
    nats = new NatsRequester(connection, 5000);
  });

  afterAll(async () => {
    await connection?.close();
    await catalog?.stop();
    await database?.drop();
    await natsServer?.stop();
  });

  const create = (tag: string): Promise<AppView> =>
    nats.request(Subjects.CatalogAppCreate, {
      workspace_id,
      app: {
        tag,
        envs: [
          { slug: 'live', base_url: 'https://api.crm.example', request_type: 'JSON' },
          { slug: 'test', base_url: 'https://sandbox.crm.example', request_type: 'JSON' },
        ],
        actions: [
          { tag: 'list-contacts', method: 'GET', path: '/contacts' },
          { tag: 'create-contact', method: 'POST', path: '/contacts' },
        ],
        auth: [{ tag: 'key', type: 'api_key' }],
      },
    });
  const update = (app_tag: string, app: object): Promise<AppView> => nats.request(Subjects.CatalogAppUpdate, { workspace_id, app_tag, app });
  const fetch = (app_tag: string): Promise<AppView> => nats.request(Subjects.CatalogAppFetch, { workspace_id, app_tag });
  const rejection = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

  it('upserts envs by slug and actions and auth schemes by tag, removes the listed ones and keeps the rest in place', async () => {
    await create('crm');
    const updated = await update('crm', {
      name: 'The CRM',
      envs: [{ slug: 'test', base_url: 'https://sandbox2.crm.example', request_type: 'FORM', active: false }],
      actions: [
        { tag: 'create-contact', method: 'POST', path: '/v2/contacts', request_type: 'FORM' },
        { tag: 'delete-contact', method: 'DELETE', path: '/contacts/:id' },
      ],
      auth: [{ tag: 'token', type: 'bearer' }],
      remove_actions: ['list-contacts'],
      remove_auth: ['key'],
    });
    expect(updated.name).toBe('The CRM');
    expect(updated.envs.map((env) => [env.slug, env.base_url, env.request_type, env.active])).toEqual([
      ['live', 'https://api.crm.example', 'JSON', true],
      ['test', 'https://sandbox2.crm.example', 'FORM', false],
    ]);
    expect(updated.actions.map((action) => [action.tag, action.path])).toEqual([
      ['create-contact', '/v2/contacts'],
      ['delete-contact', '/contacts/:id'],
    ]);
    expect(updated.auth.map((scheme) => scheme.tag)).toEqual(['token']);
    expect(await fetch('crm')).toEqual(updated);
  });

  it('publishes events.catalog.app.updated for a change and stamps updated_at, and writes nothing for a patch that changes nothing', async () => {
    const before = await create('notes');
    const events = connection.subscribe(Events.AppUpdated, { max: 1 });
    const unchanged = await update('notes', { actions: [{ tag: 'list-contacts', method: 'GET', path: '/contacts' }] });
    expect(unchanged).toEqual(before);
    const changed = await update('notes', { description: 'Notes' });
    expect(changed.updated_at > before.updated_at).toBe(true);
    for await (const message of events) expect(message.json()).toMatchObject({ workspace_id, app: 'notes' });
  });

  it.each([
    [{ remove_actions: ['nope'] }, "remove_actions.0 names no action of this app: 'nope'"],
    [{ actions: [{ tag: 'list-contacts', method: 'GET', path: '/x' }], remove_actions: ['list-contacts'] }, "remove_actions.0 'list-contacts' is also listed in actions"],
    [{ envs: [{ slug: 'eu', base_url: 'https://eu.example', request_type: 'JSON' }, { slug: 'eu', base_url: 'https://eu2.example', request_type: 'JSON' }] }, 'envs.1.slug'],
    [{ actions: [{ tag: 'x', method: 'FETCH', path: '/x' }] }, 'actions.0.method must be one of'],
    [{ remove_auth: 'key' }, 'remove_auth must be an array'],
  ])('refuses %j naming the field and changes nothing', async (patch, message) => {
    const tag = `refused-${Math.random().toString(36).slice(2, 8)}`;
    const before = await create(tag);
    const error = await rejection(update(tag, patch));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain(message);
    expect(await fetch(tag)).toEqual(before);
  });

  it('answers app_not_found for an unknown app', async () => {
    expect((await rejection(update('missing', { name: 'x' }))).code).toBe(ErrorCode.AppNotFound);
  });
});
