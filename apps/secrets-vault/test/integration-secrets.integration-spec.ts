import type { NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, Subjects, type ResolvedIntegrationFetchSecretsReply, type SecretAuditEntryView } from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, harnessNatsAccess } from '@switchboard/testing';
import pg from 'pg';

const refusal = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

// secrets.integration-fetch-reference.resolve: what integrations.fetch substitutes, over real NATS and PostgreSQL.
describe('Resolving integrations.fetch references in the secrets-vault', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let service: ServiceHandle;
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_fetch_${Date.now()}`;
  const user_id = 'usr_alice';

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    service = await startService('secrets-vault', { nats: natsServer, env: { DATABASE_URL: database.url, SWITCHBOARD_MASTER_KEY: 'b'.repeat(64) } });
    connection = await connectNats(harnessNatsAccess(natsServer), 'integration-secrets-spec');
    nats = new NatsRequester(connection, 5000);

    const create = (secret: object) => nats.request(Subjects.SecretsSecretCreate, { workspace_id, user_id: 'usr_admin', secret });
    const setOwn = (owner: string, key: string, value: string) =>
      nats.request(Subjects.SecretsIntegrationSecretSet, { workspace_id, owner_type: 'user', owner, key, value });
    await create({ key: 'API_TOKEN', value: 'workspace-token-1' });
    await create({ key: 'USERNAME', value: 'workspace-user' });
    await create({ key: 'STRIPE_KEY', value: 'sk_scoped_1', scope: ['payment_app'] });
    await create({ key: 'PROD_KEY', value: 'prod-value-1', envs: ['prd'] });
    await create({ key: 'OLD_KEY', value: 'old-value-1', expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    await setOwn(user_id, 'USERNAME', 'alice');
    await setOwn(user_id, 'PASSWORD', 'correct horse');
    await setOwn('usr_bob', 'BOB_ONLY', 'bob-value');
    await nats.request(Subjects.SecretsIntegrationSecretSet, { workspace_id, owner_type: 'network', owner: 'north', key: 'NETWORK_ONLY', value: 'n-1' });
    // An expiry cannot be set in the past through the API, so time moves forward in the database instead.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("UPDATE secrets_vault.secrets SET expires_at = now() - interval '1 second' WHERE key = 'OLD_KEY'");
    await client.end();
  });

  afterAll(async () => {
    await connection?.close();
    await service?.stop();
    await database?.drop();
    await natsServer?.stop();
  });

  const resolve = (keys: string[], user = user_id): Promise<ResolvedIntegrationFetchSecretsReply> =>
    nats.request(Subjects.SecretsIntegrationFetchReferenceResolve, { workspace_id, user_id: user, keys });

  it("takes the caller's own secret first and the workspace's unrestricted secret otherwise", async () => {
    expect(await resolve(['USERNAME', 'PASSWORD', 'API_TOKEN', 'USERNAME'])).toEqual({
      secrets: { USERNAME: 'alice', PASSWORD: 'correct horse', API_TOKEN: 'workspace-token-1' },
    });
  });

  it("falls back to the workspace's secret for a user who has no secret of that key", async () => {
    expect(await resolve(['USERNAME'], 'usr_bob')).toEqual({ secrets: { USERNAME: 'workspace-user' } });
  });

  it('answers an empty request with no secrets', async () => {
    expect(await resolve([])).toEqual({ secrets: {} });
  });

  it.each([
    ['missing', 'NOPE', ErrorCode.SecretNotFound, "Secret 'NOPE' not found"],
    ["another user's", 'BOB_ONLY', ErrorCode.SecretNotFound, "Secret 'BOB_ONLY' not found"],
    ["a network's", 'NETWORK_ONLY', ErrorCode.SecretNotFound, "Secret 'NETWORK_ONLY' not found"],
    ['an app-scoped', 'STRIPE_KEY', ErrorCode.SecretNotInScope, "Secret 'STRIPE_KEY' is not accessible by app 'integrations.fetch'"],
    ['an env-limited', 'PROD_KEY', ErrorCode.SecretNotInEnv, "Secret 'PROD_KEY' is not available outside its environments (prd)"],
    ['an expired', 'OLD_KEY', ErrorCode.SecretExpired, "Secret 'OLD_KEY' has expired"],
  ])('refuses %s secret with the seed message and no value', async (_case, key, code, message) => {
    const error = await refusal(resolve(['USERNAME', key, 'API_TOKEN']));
    expect([error.code, error.message]).toEqual([code, message]);
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toMatch(/correct horse|workspace-token|workspace-user|sk_scoped|prod-value|old-value|bob-value/);
  });

  it("audits each use of a workspace secret for integrations.fetch and the caller, never the user's own", async () => {
    const trail = await nats.request<SecretAuditEntryView[]>(Subjects.SecretsAuditList, { workspace_id, query: {} });
    const uses = trail.filter((entry) => entry.action === 'use');
    expect(uses.map((entry) => entry.key).sort()).toEqual(['API_TOKEN', 'USERNAME']);
    expect(uses.find((entry) => entry.key === 'USERNAME')).toMatchObject({ app: 'integrations.fetch', user_id: 'usr_bob', version: 1, env: null, access_tag: null });
    expect(uses.find((entry) => entry.key === 'API_TOKEN')).toMatchObject({ app: 'integrations.fetch', user_id, version: 1 });
    expect(JSON.stringify(trail)).not.toMatch(/correct horse|workspace-token|workspace-user/);
  });
});
