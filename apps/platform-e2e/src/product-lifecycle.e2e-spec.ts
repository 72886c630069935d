import { type ActionRunResult, type Switchboard } from '@switchboard/sdk';
import { startFakeThirdPartyApi, startPlatform, type FakeThirdPartyApi, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, refusal, switchboardFor, writtenRunRecord } from './switchboard-for.js';

// Changing and deleting a product through the SDK: the executor's cached run plan must never outlive the change.
describe('Changing and deleting a product through the SDK', () => {
  let platform: Platform;
  let crm: FakeThirdPartyApi;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;

  beforeAll(async () => {
    crm = await startFakeThirdPartyApi();
    crm.route('GET', '/contacts', () => ({ status: 200, body: { contacts: [] } }));
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    credentials = await platform.createWorkspace('product-lifecycle');
    switchboard = switchboardFor(platform, credentials);
    await switchboard.app.create({
      tag: 'crm',
      envs: [{ slug: 'prd', base_url: crm.url, request_type: 'JSON' }],
      actions: [{ tag: 'list-contacts', method: 'GET', path: '/contacts' }],
    });
    await switchboard.product.init('shop');
    await switchboard.product.app.add({ access_tag: 'crm-main', app: 'crm', envs: [{ slug: 'prd', app_env_slug: 'prd', active: true }] });
  });

  afterAll(async () => {
    await platform?.stop();
    await crm?.stop();
  });

  const listContacts = (env = 'prd'): Promise<ActionRunResult> => switchboard.actions.run({ env, product: 'shop', app: 'crm-main', event: 'list-contacts' });

  it('renames the product and an unconnected env, and adds an env a connection can then run in', async () => {
    const renamed = await switchboard.product.update({ name: 'The shop', envs: [{ slug: 'stg', new_slug: 'staging', name: 'Staging area' }] });
    expect(renamed).toMatchObject({ tag: 'shop', name: 'The shop' });
    expect(renamed.envs.map((env) => env.slug)).toEqual(['dev', 'staging', 'prd']);

    const added = await switchboard.product.update({ add_envs: [{ slug: 'qa', name: 'QA' }] });
    expect(added.envs.at(-1)).toEqual({ slug: 'qa', name: 'QA', active: true });
    await switchboard.product.app.update('crm-main', { envs: [{ slug: 'qa', app_env_slug: 'prd', active: true }] });
    await expect(listContacts('qa')).resolves.toMatchObject({ status: 200 });
    await expect(switchboard.product.fetch()).resolves.toEqual(added);
  });

  it('refuses to rename the slug of an env the connection maps with 409 product_env_in_use naming its access tag', async () => {
    const error = await refusal(switchboard.product.update({ envs: [{ slug: 'prd', new_slug: 'production' }] }));
    expect([error.status, error.code]).toEqual([409, 'product_env_in_use']);
    expect(error.message).toBe("envs.0.new_slug: env 'prd' of product 'shop' is still connected: shop/crm-main; disconnect them first");
    expect(error.details).toMatchObject({ product: 'shop', env: 'prd', connections: [{ product: 'shop', access_tag: 'crm-main' }] });
    expect((await switchboard.product.fetch()).envs.map((env) => env.slug)).toContain('prd');
  });

  it('refuses a run right after its env is deactivated with 422 product_env_inactive naming the env, and runs again right after reactivation', async () => {
    await expect(listContacts()).resolves.toMatchObject({ status: 200 });
    const calls = crm.received.length;

    await switchboard.product.update({ envs: [{ slug: 'prd', active: false }] });

    const error = await refusal(listContacts());
    expect([error.status, error.code, error.message]).toEqual([422, 'product_env_inactive', "Env 'prd' of product 'shop' is deactivated"]);
    const plan = await switchboard.actions.plan({ env: 'prd', product: 'shop', app: 'crm-main', event: 'list-contacts' });
    expect(plan.would_run).toBe(false);
    expect(plan.checks).toContainEqual(expect.objectContaining({ ok: false, code: 'product_env_inactive' }));
    expect(crm.received).toHaveLength(calls);

    await switchboard.product.update({ envs: [{ slug: 'prd', active: true }] });

    await expect(listContacts()).resolves.toMatchObject({ status: 200 });
    expect(crm.received).toHaveLength(calls + 1);
  });

  it('refuses to delete the product while it has a connection with 409 product_in_use naming the access tag, and keeps running it', async () => {
    const error = await refusal(switchboard.product.delete());
    expect([error.status, error.code, error.message]).toEqual([409, 'product_in_use', "Product 'shop' is still connected: shop/crm-main; disconnect them first"]);
    expect(error.details).toEqual({ product: 'shop', connections: [{ product: 'shop', access_tag: 'crm-main' }] });
    expect(switchboard.product.selected).toBe('shop');
    await expect(listContacts()).resolves.toMatchObject({ status: 200 });
  });

  it('deletes the product once disconnected: a run right after fails with product_not_found, and its run records stay readable', async () => {
    const run = await listContacts();
    const calls = crm.received.length;
    await switchboard.product.app.delete('crm-main');

    await expect(switchboard.product.delete('shop')).resolves.toMatchObject({ tag: 'shop', name: 'The shop' });

    const error = await refusal(switchboard.actions.run({ env: 'prd', product: 'shop', app: 'crm-main', event: 'list-contacts' }));
    expect([error.status, error.code, error.message]).toEqual([404, 'product_not_found', "Product 'shop' not found"]);
    expect(crm.received).toHaveLength(calls);
    await expect(writtenRunRecord(switchboard, run.run_id)).resolves.toMatchObject({ run_id: run.run_id, product: 'shop', status: 'succeeded' });
    const gone = await refusal(switchboard.product.fetch('shop'));
    expect([gone.status, gone.code]).toEqual([404, 'product_not_found']);
    const again = await refusal(switchboard.product.delete('shop'));
    expect([again.status, again.code]).toEqual([404, 'product_not_found']);
  });

  it('refuses a bad or empty patch with a 400 naming the field, and an unknown product with a 404', async () => {
    await switchboard.product.init('blog');
    const empty = await gatewayRequest(platform, credentials, 'PATCH', '/v1/products/blog', {});
    expect([empty.status, empty.body.code, empty.body.message]).toEqual([400, 'validation_failed', 'body must change something: name, description, add_envs or envs']);
    expect(empty.body.details).toEqual({ fields: [{ field: 'body', messages: [empty.body.message] }] });
    const unknownEnv = await refusal(switchboard.product.update({ envs: [{ slug: 'uat', active: false }] }));
    expect([unknownEnv.status, unknownEnv.code, unknownEnv.message]).toEqual([400, 'validation_failed', "envs.0.slug names no env of product 'blog': 'uat' (it has dev, stg, prd)"]);
    const duplicate = await refusal(switchboard.product.update({ add_envs: [{ slug: 'qa' }, { slug: 'qa' }] }));
    expect([duplicate.status, duplicate.message]).toEqual([400, "add_envs.1.slug 'qa' is already listed at add_envs.0"]);
    const badType = await gatewayRequest(platform, credentials, 'PATCH', '/v1/products/blog', { envs: [{ slug: 'dev', active: 'off' }] });
    expect([badType.status, badType.body.code, badType.body.message]).toEqual([400, 'validation_failed', 'envs.0.active must be a boolean value']);
    const unknown = await refusal(switchboard.product.update({ name: 'x' }, 'nope'));
    expect([unknown.status, unknown.code]).toEqual([404, 'product_not_found']);
  });
});
