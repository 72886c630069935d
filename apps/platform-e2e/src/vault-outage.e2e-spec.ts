import { Switchboard } from '@switchboard/sdk';
import { startFakeThirdPartyApi, startPlatform, startVaultKv2StandIn, type FakeThirdPartyApi, type Platform, type VaultForTests } from '@switchboard/testing';
import { refusal } from './switchboard-for.js';

// Secret values in Vault (the KV v2 stand-in: no Vault can be installed here), and Vault gone mid-way.
describe('Secrets in Vault, and Vault down', () => {
  let vault: VaultForTests;
  let upstream: FakeThirdPartyApi;
  let platform: Platform;
  let switchboard: Switchboard;
  let vaultDown = false;

  beforeAll(async () => {
    vault = await startVaultKv2StandIn();
    upstream = await startFakeThirdPartyApi();
    upstream.route('GET', '/me', () => ({ status: 200, body: { ok: true } }));
    platform = await startPlatform({ env: { SWITCHBOARD_OUTBOUND_ALLOW: '127.0.0.1', VAULT_ADDR: vault.url, VAULT_TOKEN: vault.token } });
    switchboard = new Switchboard({ ...(await platform.createWorkspace('vaulted')), url: platform.url });
    await switchboard.app.create({
      tag: 'crm',
      envs: [{ slug: 'prd', base_url: upstream.url, request_type: 'JSON' }],
      actions: [{ tag: 'me', method: 'GET', path: '/me' }],
    });
    await switchboard.product.init('shop');
    await switchboard.product.app.add({ access_tag: 'crm', app: 'crm', envs: [{ slug: 'prd', active: true }] });
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.stop();
    if (!vaultDown) await vault?.stop();
  });

  it('keeps values in Vault and answers 503 secret_storage_unavailable, never a 500, while Vault is down', async () => {
    await switchboard.secrets.create({ key: 'CRM_KEY', value: 'crm-live-1' });
    expect(vault.requests.some((request) => request.method === 'POST' || request.method === 'PUT')).toBe(true);
    await vault.stop();
    vaultDown = true;

    const created = await refusal(switchboard.secrets.create({ key: 'OTHER_KEY', value: 'other-1' }));
    expect([created.status, created.code, created.message]).toEqual([503, 'secret_storage_unavailable', 'The secret store (Vault) cannot be used right now: try again shortly']);
    const run = await refusal(switchboard.actions.run({ env: 'prd', product: 'shop', app: 'crm', event: 'me', input: { headers: { Authorization: 'Bearer $Token{CRM_KEY}' } } }));
    expect([run.status, run.code]).toEqual([503, 'secret_storage_unavailable']);
    // Nothing went out without its credentials, and the refused secret was not half-made.
    expect(upstream.received).toHaveLength(0);
    expect((await switchboard.secrets.list()).map((secret) => secret.key)).toEqual(['CRM_KEY']);

    // A delete is done once its rows are: the value Vault still holds is left unreferenced (warned of), not a failure.
    await switchboard.secrets.delete('CRM_KEY');
    expect(await switchboard.secrets.list()).toEqual([]);
    await platform.services['secrets-vault'].waitForLog('could not remove a deleted secret’s value from the secret store; it is left unreferenced');
  });
});
