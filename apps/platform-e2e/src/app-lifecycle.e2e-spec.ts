import { type Switchboard } from '@switchboard/sdk';
import { startFakeThirdPartyApi, startPlatform, type FakeThirdPartyApi, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, refusal, switchboardFor, writtenRunRecord } from './switchboard-for.js';

// Changing an app through the SDK: the executor's cached run plan must never outlive the change.
describe('Changing an app through the SDK', () => {
  let platform: Platform;
  let crm: FakeThirdPartyApi;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;

  beforeAll(async () => {
    crm = await startFakeThirdPartyApi();
    crm.route('GET', '/v1/contacts', () => ({ status: 200, body: { version: 1 } }));
    crm.route('GET', '/v2/contacts', () => ({ status: 200, body: { version: 2 } }));
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    credentials = await platform.createWorkspace('app-lifecycle');
    switchboard = switchboardFor(platform, credentials);
    await switchboard.app.create({
      tag: 'crm',
      envs: [{ slug: 'prd', base_url: crm.url, request_type: 'JSON' }],
      actions: [{ tag: 'list-contacts', method: 'GET', path: '/v1/contacts' }],
    });
    await switchboard.product.init('shop');
    await switchboard.product.app.add({ access_tag: 'crm-main', app: 'crm', envs: [{ slug: 'prd', base_url: crm.url, request_type: 'JSON', active: true }] });
  });

  afterAll(async () => {
    await platform?.stop();
    await crm?.stop();
  });

  const listContacts = (): Promise<unknown> => switchboard.actions.run({ env: 'prd', product: 'shop', app: 'crm-main', event: 'list-contacts' });

  it('runs the new definition right after an update, not the cached plan', async () => {
    await expect(listContacts()).resolves.toMatchObject({ status: 200, body: { version: 1 } });

    await switchboard.app.update('crm', { actions: [{ tag: 'list-contacts', method: 'GET', path: '/v2/contacts' }] });

    await expect(listContacts()).resolves.toMatchObject({ status: 200, body: { version: 2 } });
    expect(crm.received.at(-1)?.path).toBe('/v2/contacts');
  });

  it('fails a run right after its action is removed with action_not_found', async () => {
    await switchboard.app.update('crm', { actions: [{ tag: 'count-contacts', method: 'GET', path: '/v2/contacts' }] });
    await expect(switchboard.actions.run({ env: 'prd', product: 'shop', app: 'crm-main', event: 'count-contacts' })).resolves.toMatchObject({ status: 200 });
    const calls = crm.received.length;

    await switchboard.app.update('crm', { remove_actions: ['count-contacts'] });

    const error = await refusal(switchboard.actions.run({ env: 'prd', product: 'shop', app: 'crm-main', event: 'count-contacts' }));
    expect([error.status, error.code]).toEqual([404, 'action_not_found']);
    expect(crm.received).toHaveLength(calls);
  });

  it('fails a run right after its connection is deleted with connection_not_found, and keeps the runs it made readable', async () => {
    await switchboard.product.app.add({ access_tag: 'crm-spare', app: 'crm', envs: [{ slug: 'prd', base_url: crm.url, request_type: 'JSON', active: true }] });
    const run = (await switchboard.actions.run({ env: 'prd', product: 'shop', app: 'crm-spare', event: 'list-contacts' })) as { run_id: string };
    const calls = crm.received.length;

    await expect(switchboard.product.app.delete('crm-spare')).resolves.toMatchObject({ access_tag: 'crm-spare', app: 'crm' });

    const error = await refusal(switchboard.actions.run({ env: 'prd', product: 'shop', app: 'crm-spare', event: 'list-contacts' }));
    expect([error.status, error.code]).toEqual([404, 'connection_not_found']);
    expect(crm.received).toHaveLength(calls);
    await expect(writtenRunRecord(switchboard, run.run_id)).resolves.toMatchObject({ run_id: run.run_id, status: 'succeeded' });
    const again = await refusal(switchboard.product.app.delete('crm-spare'));
    expect([again.status, again.code]).toEqual([404, 'connection_not_found']);
  });

  it('refuses to delete an app still connected, naming the product and access tag, and deletes it once disconnected', async () => {
    const inUse = await refusal(switchboard.app.delete('crm'));
    expect([inUse.status, inUse.code]).toEqual([409, 'app_in_use']);
    expect(inUse.message).toContain('shop/crm-main');
    expect(inUse.details).toMatchObject({ app: 'crm', connections: [{ product: 'shop', access_tag: 'crm-main' }] });
    await expect(switchboard.app.fetch('crm')).resolves.toMatchObject({ tag: 'crm' });
    await expect(listContacts()).resolves.toMatchObject({ status: 200 });

    await switchboard.product.app.delete('crm-main');
    await expect(switchboard.app.delete('crm')).resolves.toMatchObject({ tag: 'crm' });

    const gone = await refusal(switchboard.app.fetch('crm'));
    expect([gone.status, gone.code]).toEqual([404, 'app_not_found']);
    const again = await refusal(switchboard.app.delete('crm'));
    expect([again.status, again.code]).toEqual([404, 'app_not_found']);
  });

  it('refuses a bad patch with a 400 naming the field, and an unknown app with a 404', async () => {
    const bad = await gatewayRequest(platform, credentials, 'PATCH', '/v1/apps/crm', { remove_actions: [42] });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    expect(bad.body.message).toContain('remove_actions');
    const unknown = await refusal(switchboard.app.update('nope', { name: 'x' }));
    expect([unknown.status, unknown.code]).toEqual([404, 'app_not_found']);
  });
});
