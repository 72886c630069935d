import { Switchboard } from '@switchboard/sdk';
import { startPlatform, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, refusal } from './switchboard-for.js';

// The seed 002 samples that need no action run, as written: only the import and class name differ.
describe('Using secrets (seed 002) through the SDK', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let switchboard: Switchboard;

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('seed-002');
    switchboard = new Switchboard({ ...credentials, url: platform.url });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('creates a secret with limited scope and one for production only', async () => {
    // Secret created with limited scope
    await switchboard.secrets.create({
      key: 'STRIPE_KEY',
      value: 'sk_live_xxx',
      scope: ['payment_app'], // Only accessible by payment_app
    });
    // Secret created for production only
    await switchboard.secrets.create({
      key: 'PROD_DATABASE_URL',
      value: 'postgres://prod-server/db',
      envs: ['prd'],
    });
    const listed = await switchboard.secrets.fetchAll();
    expect(listed.map((secret) => [secret.key, secret.scope, secret.envs])).toEqual([
      ['PROD_DATABASE_URL', [], ['prd']],
      ['STRIPE_KEY', ['payment_app'], []],
    ]);
    expect(JSON.stringify(listed)).not.toContain('sk_live_xxx');
    expect((await switchboard.secrets.fetch('STRIPE_KEY')).value).toBe('sk_live_xxx');
  });

  it('connects an app whose variables and auth hold many references, stored as references', async () => {
    await switchboard.app.create({ tag: 'multi_service_app', envs: [{ slug: 'prd', base_url: 'https://api.example.com', request_type: 'JSON' }] });
    await switchboard.product.init('my_product');
    await switchboard.product.apps.add({
      access_tag: 'multi_service_app',
      envs: [
        {
          app_env_slug: 'prd',
          product_env_slug: 'prd',
          variables: [
            { key: 'DB_HOST', value: '$Token{DATABASE_HOST}' },
            { key: 'DB_USER', value: '$Token{DATABASE_USER}' },
            { key: 'DB_PASS', value: '$Token{DATABASE_PASSWORD}' },
            { key: 'REDIS_URL', value: '$Token{REDIS_CONNECTION_STRING}' },
            { key: 'S3_KEY', value: '$Token{AWS_ACCESS_KEY}' },
            { key: 'S3_SECRET', value: '$Token{AWS_SECRET_KEY}' },
          ],
          auth: [
            {
              auth_tag: 'oauth',
              data: {
                client_id: '$Token{OAUTH_CLIENT_ID}',
                client_secret: '$Token{OAUTH_CLIENT_SECRET}',
              },
            },
          ],
        },
      ],
    });
    const app = await switchboard.product.apps.fetch('multi_service_app');
    expect(app.envs[0]?.auth).toEqual([{ auth_tag: 'oauth', data: { client_id: '$Token{OAUTH_CLIENT_ID}', client_secret: '$Token{OAUTH_CLIENT_SECRET}' } }]);
    expect(app.envs[0]?.variables.map((variable) => variable.value)).toContain('$Token{AWS_SECRET_KEY}');
  });

  it('rotates a secret to a new version and records who did what in the audit trail', async () => {
    const rotated = await switchboard.secrets.rotate('STRIPE_KEY', 'sk_live_yyy');
    expect(rotated.version).toBe(2);
    expect((await switchboard.secrets.fetch('STRIPE_KEY')).value).toBe('sk_live_yyy');
    const trail = await switchboard.secrets.audit({ key: 'STRIPE_KEY' });
    expect(trail.map((entry) => entry.action)).toEqual(['fetch', 'rotate', 'fetch', 'create']);
    expect(trail.every((entry) => entry.user_id === credentials.user_id)).toBe(true);
    expect(JSON.stringify(trail)).not.toContain('sk_live');
  });

  it('updates scope and expiry without a new version, and a new value with one', async () => {
    const expires_at = new Date(Date.now() + 86_400_000).toISOString();
    const updated = await switchboard.secrets.update('PROD_DATABASE_URL', { scope: ['db_app'], expires_at });
    expect(updated).toMatchObject({ scope: ['db_app'], expires_at, version: 1 });
    expect((await switchboard.secrets.update('PROD_DATABASE_URL', { value: 'postgres://prod-server-2/db', expires_at: null })).version).toBe(2);
  });

  it('answers bad input with a 4xx, a code and a message naming the field', async () => {
    const duplicate = await refusal(switchboard.secrets.create({ key: 'STRIPE_KEY', value: 'x' }));
    expect([duplicate.status, duplicate.code, duplicate.message]).toEqual([409, 'secret_key_taken', "Secret 'STRIPE_KEY' already exists"]);
    const past = await refusal(switchboard.secrets.create({ key: 'OLD_KEY', value: 'x', expires_at: '2020-01-01T00:00:00Z' }));
    expect([past.status, past.code]).toEqual([400, 'validation_failed']);
    const big = await refusal(switchboard.secrets.create({ key: 'BIG_KEY', value: 'x'.repeat(64 * 1024 + 1) }));
    expect([big.status, big.message]).toEqual([400, 'value must be a non-empty string of at most 64 KiB']);
    const missing = await refusal(switchboard.secrets.fetch('MY_SECRET'));
    expect([missing.status, missing.code, missing.message]).toEqual([404, 'secret_not_found', "Secret 'MY_SECRET' not found"]);
    const badKey = await gatewayRequest(platform, credentials, 'GET', '/v1/secrets/not-a-key');
    expect([badKey.status, badKey.body.code]).toEqual([400, 'validation_failed']);
  });

  it('keeps another workspace from reading, listing or detecting the secrets', async () => {
    const other = new Switchboard({ ...(await platform.createWorkspace('intruder')), url: platform.url });
    expect(await other.secrets.fetchAll()).toEqual([]);
    const error = await refusal(other.secrets.fetch('STRIPE_KEY'));
    expect([error.status, error.message]).toEqual([404, "Secret 'STRIPE_KEY' not found"]);
    expect(await other.secrets.audit()).toEqual([]);
  });

  it('fetches a secret whose key is a word the API also uses', async () => {
    await switchboard.secrets.create({ key: 'audit', value: 'audit-value' });
    expect((await switchboard.secrets.fetch('audit')).value).toBe('audit-value');
  });

  it('deletes a secret for good', async () => {
    await switchboard.secrets.delete('PROD_DATABASE_URL');
    expect((await refusal(switchboard.secrets.fetch('PROD_DATABASE_URL'))).code).toBe('secret_not_found');
  });
});
