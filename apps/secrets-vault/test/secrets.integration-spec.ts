import type { NatsConnection } from '@nats-io/transport-node';
import {
  ErrorCode,
  Events,
  Subjects,
  type ResolvedSecretsReply,
  type SecretAuditEntryView,
  type SecretView,
  type SecretWithValueView,
  type IntegrationSecretReply,
} from '@switchboard/contracts';
import { connectNats, DomainError, NatsRequester } from '@switchboard/platform';
import pg from 'pg';
import { createTestDatabase, rejectionOf, type RunningNats, type ServiceHandle, startOwnNats, startService, type TestDatabase, waitUntil, harnessNatsAccess } from '@switchboard/testing';

const refusal = (call: Promise<unknown>): Promise<DomainError> => rejectionOf(call, DomainError);

describe('The secrets-vault service over real NATS and PostgreSQL', () => {
  let database: TestDatabase;
  let natsServer: RunningNats;
  let services: ServiceHandle[] = [];
  let connection: NatsConnection;
  let nats: NatsRequester;
  const workspace_id = `ws_secrets_${Date.now()}`;
  const user_id = 'usr_tester';
  const use = { workspace_id, app_tag: 'stripe', access_tag: 'payment_app', env: 'prd' };

  beforeAll(async () => {
    [database, natsServer] = await Promise.all([createTestDatabase(), startOwnNats()]);
    services = await Promise.all([
      startService('catalog', { nats: natsServer, env: { DATABASE_URL: database.url } }),
      startService('secrets-vault', { nats: natsServer, env: { DATABASE_URL: database.url, SWITCHBOARD_MASTER_KEY: 'a'.repeat(64) } }),
    ]);
    connection = await connectNats(harnessNatsAccess(natsServer), 'secrets-integration-spec');
    nats = new NatsRequester(connection, 5000);
  });

  afterAll(async () => {
    await connection?.close();
    await Promise.all(services.map((service) => service.stop()));
    await database?.drop();
    await natsServer?.stop();
  });

  const create = (secret: object): Promise<SecretView> => nats.request(Subjects.SecretsSecretCreate, { workspace_id, user_id, secret });
  const resolve = (keys: string[], overrides: object = {}): Promise<ResolvedSecretsReply> =>
    nats.request(Subjects.SecretsReferenceResolve, { ...use, keys, run_id: 'run_1', ...overrides });

  it('creates a secret and never returns its value but from fetch', async () => {
    const created = await create({ key: 'STRIPE_KEY', value: 'sk_live_integration_1', scope: ['payment_app'], description: 'Stripe live key' });
    expect(created).toMatchObject({ key: 'STRIPE_KEY', scope: ['payment_app'], envs: [], expires_at: null, version: 1 });
    expect(JSON.stringify(created)).not.toContain('sk_live_integration_1');
    const listed = await nats.request<SecretView[]>(Subjects.SecretsSecretList, { workspace_id });
    expect(JSON.stringify(listed)).not.toContain('sk_live_integration_1');
    const fetched = await nats.request<SecretWithValueView>(Subjects.SecretsSecretFetch, { workspace_id, user_id, key: 'STRIPE_KEY' });
    expect(fetched.value).toBe('sk_live_integration_1');
  });

  it('refuses a duplicate key with secret_key_taken and keeps the first value', async () => {
    const error = await refusal(create({ key: 'STRIPE_KEY', value: 'other' }));
    expect([error.code, error.message]).toEqual([ErrorCode.SecretKeyTaken, "Secret 'STRIPE_KEY' already exists"]);
    const fetched = await nats.request<SecretWithValueView>(Subjects.SecretsSecretFetch, { workspace_id, user_id, key: 'STRIPE_KEY' });
    expect(fetched.value).toBe('sk_live_integration_1');
  });

  it('resolves a scoped secret for the app in its scope', async () => {
    expect(await resolve(['STRIPE_KEY'])).toEqual({ secrets: { STRIPE_KEY: { value: 'sk_live_integration_1', version: 1, expires_at: null } } });
  });

  it('fails with the seed messages, in the seed order', async () => {
    await create({ key: 'PROD_KEY', value: 'prod-value-1', envs: ['prd'] });
    await create({ key: 'OLD_KEY', value: 'old-value-1', expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(Object.keys((await resolve(['OLD_KEY'])).secrets)).toEqual(['OLD_KEY']);
    // An expiry cannot be set in the past through the API, so time moves forward in the database instead.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query("UPDATE secrets_vault.secrets SET expires_at = now() - interval '1 second' WHERE key = 'OLD_KEY'");
    await client.end();
    const notFound = await refusal(resolve(['MY_SECRET']));
    expect([notFound.code, notFound.message]).toEqual([ErrorCode.SecretNotFound, "Secret 'MY_SECRET' not found"]);
    const scope = await refusal(resolve(['STRIPE_KEY'], { access_tag: 'other_app', app_tag: 'analytics' }));
    expect([scope.code, scope.message]).toEqual([ErrorCode.SecretNotInScope, "Secret 'STRIPE_KEY' is not accessible by app 'other_app'"]);
    const env = await refusal(resolve(['PROD_KEY'], { env: 'dev' }));
    expect([env.code, env.message]).toEqual([ErrorCode.SecretNotInEnv, "Secret 'PROD_KEY' is not available in environment 'dev'"]);
    const expired = await refusal(resolve(['OLD_KEY']));
    expect([expired.code, expired.message]).toEqual([ErrorCode.SecretExpired, "Secret 'OLD_KEY' has expired"]);
  });

  it('stops at the first failing reference and returns no value', async () => {
    const error = await refusal(resolve(['STRIPE_KEY', 'MISSING_ONE', 'PROD_KEY']));
    expect(error.message).toBe("Secret 'MISSING_ONE' not found");
  });

  it('rotates to a new version used from the next resolution on, keeping the old one out of use', async () => {
    const rotated = await nats.request<SecretView>(Subjects.SecretsSecretRotate, {
      workspace_id,
      user_id,
      key: 'STRIPE_KEY',
      rotation: { value: 'sk_live_integration_2' },
    });
    expect(rotated.version).toBe(2);
    expect(await resolve(['STRIPE_KEY'])).toEqual({ secrets: { STRIPE_KEY: { value: 'sk_live_integration_2', version: 2, expires_at: null } } });
  });

  it('publishes events.secrets.secret.rotated without the value', async () => {
    const subscription = connection.subscribe(Events.SecretRotated, { max: 1 });
    await nats.request(Subjects.SecretsSecretRotate, { workspace_id, user_id, key: 'PROD_KEY', rotation: { value: 'prod-value-2' } });
    for await (const message of subscription) {
      expect(message.json()).toMatchObject({ workspace_id, key: 'PROD_KEY', version: 2 });
      expect(message.string()).not.toContain('prod-value');
    }
  });

  it('audits creates, reads, rotations and the run-time uses the executor records, never values', async () => {
    const auditTrail = (): Promise<SecretAuditEntryView[]> => nats.request(Subjects.SecretsAuditList, { workspace_id, query: { key: 'STRIPE_KEY' } });
    // Resolving hands values to a run that may still be refused before its call: the executor records the use once sent.
    expect((await auditTrail()).filter((entry) => entry.action === 'use')).toEqual([]);
    const recorded = [1, 2].map((version) => ({ key: 'STRIPE_KEY', version, app_tag: 'stripe', access_tag: 'payment_app', env: 'prd', run_id: 'run_1' }));
    nats.emit(Subjects.SecretsSecretUseRecord, { workspace_id, uses: recorded });
    let trail: SecretAuditEntryView[] = [];
    await waitUntil(async () => (trail = await auditTrail()).filter((entry) => entry.action === 'use').length === 2, { what: 'the recorded uses', timeoutMs: 10_000, intervalMs: 50 });
    expect(trail.map((entry) => entry.action).sort()).toEqual(expect.arrayContaining(['create', 'fetch', 'rotate', 'use']));
    const uses = trail.filter((entry) => entry.action === 'use');
    expect(uses.map((entry) => entry.version).sort()).toEqual([1, 2]);
    expect(uses[0]).toMatchObject({ app: 'stripe', access_tag: 'payment_app', env: 'prd', run_id: 'run_1' });
    expect(JSON.stringify(trail)).not.toContain('sk_live');
  });

  it('keeps when each secret was last used, writing it at most once a minute', async () => {
    const lastUsedOf = async (key: string): Promise<string | null | undefined> =>
      (await nats.request<SecretView[]>(Subjects.SecretsSecretList, { workspace_id })).find((secret) => secret.key === key)?.last_used_at;
    const recordUse = (run_id: string) =>
      nats.emit(Subjects.SecretsSecretUseRecord, { workspace_id, uses: [{ key: 'STRIPE_KEY', version: 2, app_tag: 'stripe', access_tag: 'payment_app', env: 'prd', run_id }] });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const usesOf = async (run_id: string): Promise<number> =>
      Number((await client.query<{ count: string }>('SELECT count(*) FROM secrets_vault.secret_audit WHERE run_id = $1', [run_id])).rows[0]?.count);
    try {
      // The previous test's uses set it; nothing has used PROD_KEY.
      const first = await lastUsedOf('STRIPE_KEY');
      expect(Number.isNaN(Date.parse(first ?? ''))).toBe(false);
      expect(await lastUsedOf('PROD_KEY')).toBeNull();

      recordUse('run_within_minute');
      await waitUntil(async () => (await usesOf('run_within_minute')) === 1, { what: 'the use within the minute', timeoutMs: 10_000, intervalMs: 50 });
      expect(await lastUsedOf('STRIPE_KEY')).toBe(first);

      await client.query("UPDATE secrets_vault.secrets SET last_used_at = last_used_at - interval '2 minutes' WHERE workspace_id = $1 AND key = 'STRIPE_KEY'", [workspace_id]);
      const aged = await lastUsedOf('STRIPE_KEY');
      recordUse('run_after_minute');
      await waitUntil(async () => (await usesOf('run_after_minute')) === 1, { what: 'the use after the minute', timeoutMs: 10_000, intervalMs: 50 });
      expect(Date.parse((await lastUsedOf('STRIPE_KEY')) ?? '')).toBeGreaterThan(Date.parse(aged ?? ''));
    } finally {
      await client.end();
    }
  });

  it.each([
    ['a key with a dash', { key: 'bad-key', value: 'x' }, 'key must be 1-128 letters, digits or "_" (case-sensitive)'],
    ['a missing value', { key: 'NO_VALUE' }, 'value must be a non-empty string of at most 64 KiB'],
    ['a value over 64 KiB', { key: 'BIG', value: 'x'.repeat(64 * 1024 + 1) }, 'value must be a non-empty string of at most 64 KiB'],
    ['a scope entry that is no tag', { key: 'SCOPED', value: 'x', scope: ['not a tag'] }, 'scope entries must be app tags or access tags (letters, digits, "_" or "-")'],
    ['an unknown env slug', { key: 'ENVS', value: 'x', envs: ['qa'] }, "envs.0 'qa' is not an env of any product in this workspace"],
    ['an expiry in the past', { key: 'PAST', value: 'x', expires_at: '2001-01-01T00:00:00Z' }, 'expires_at must be in the future (got 2001-01-01T00:00:00Z)'],
    ['an ISO 8601 week date no clock can read', { key: 'WEEK', value: 'x', expires_at: '2030-W01-1' }, 'expires_at must be an ISO 8601 date-time such as'],
    ['an expiry that is not ISO 8601', { key: 'NOT_ISO', value: 'x', expires_at: 'next tuesday' }, 'expires_at must be an ISO 8601 date-time'],
  ])('refuses %s with a clear message and stores nothing', async (_case, secret, message) => {
    const error = await refusal(create(secret));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain(message);
    const listed = await nats.request<SecretView[]>(Subjects.SecretsSecretList, { workspace_id });
    expect(listed.map((s) => s.key)).not.toContain(secret.key);
  });

  it('never lets another workspace read, list, resolve or detect a secret', async () => {
    const other = `${workspace_id}_other`;
    expect(await nats.request(Subjects.SecretsSecretList, { workspace_id: other })).toEqual([]);
    const fetchError = await refusal(nats.request(Subjects.SecretsSecretFetch, { workspace_id: other, user_id, key: 'STRIPE_KEY' }));
    const missingError = await refusal(nats.request(Subjects.SecretsSecretFetch, { workspace_id: other, user_id, key: 'NEVER_EXISTED' }));
    expect([fetchError.code, fetchError.message.replace('STRIPE_KEY', 'K')]).toEqual([missingError.code, missingError.message.replace('NEVER_EXISTED', 'K')]);
    const resolveError = await refusal(resolve(['STRIPE_KEY'], { workspace_id: other }));
    expect(resolveError.message).toBe("Secret 'STRIPE_KEY' not found");
  });

  it('deletes a secret so that it resolves no more, keeping its audit trail', async () => {
    await nats.request(Subjects.SecretsSecretDelete, { workspace_id, user_id, key: 'PROD_KEY' });
    expect((await refusal(resolve(['PROD_KEY']))).code).toBe(ErrorCode.SecretNotFound);
    const trail = await nats.request<SecretAuditEntryView[]>(Subjects.SecretsAuditList, { workspace_id, query: { key: 'PROD_KEY' } });
    expect(trail[0]?.action).toBe('delete');
  });

  it('keeps the last of several simultaneous first sets of a user secret and leaves no stray value', async () => {
    const set = (value: string): Promise<unknown> =>
      nats.request(Subjects.SecretsIntegrationSecretSet, { workspace_id, owner_type: 'user', owner: 'usr_race', key: 'TOKEN', value });
    await Promise.all(['one', 'two', 'three', 'four'].map(set));
    const reply = await nats.request<IntegrationSecretReply>(Subjects.SecretsIntegrationSecretGet, { workspace_id, owner_type: 'user', owner: 'usr_race', key: 'TOKEN' });
    expect(['one', 'two', 'three', 'four']).toContain(reply.value);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM secrets_vault.secret_values v WHERE v.workspace_id = $1
         AND NOT EXISTS (SELECT 1 FROM secrets_vault.integration_secrets s WHERE s.value_id = v.value_id)
         AND NOT EXISTS (SELECT 1 FROM secrets_vault.secret_versions r WHERE r.value_id = v.value_id)`,
      [workspace_id],
    );
    await client.end();
    expect(rows[0]?.count).toBe('0');
  });

  it('keeps user and network secrets apart, per owner', async () => {
    const secretOf = (ownerType: string, owner: string, key: string): Promise<IntegrationSecretReply> =>
      nats.request(Subjects.SecretsIntegrationSecretGet, { workspace_id, owner_type: ownerType, owner, key });
    await nats.request(Subjects.SecretsIntegrationSecretSet, { workspace_id, owner_type: 'user', owner: 'usr_a', key: 'USERNAME', value: 'alice' });
    await nats.request(Subjects.SecretsIntegrationSecretSet, { workspace_id, owner_type: 'user', owner: 'usr_a', key: 'USERNAME', value: 'alice2' });
    await nats.request(Subjects.SecretsIntegrationSecretSet, { workspace_id, owner_type: 'network', owner: 'north', key: 'USERNAME', value: 'north-user' });
    expect(await secretOf('user', 'usr_a', 'USERNAME')).toEqual({ found: true, value: 'alice2' });
    expect(await secretOf('user', 'usr_b', 'USERNAME')).toEqual({ found: false, value: '' });
    expect(await secretOf('network', 'north', 'USERNAME')).toEqual({ found: true, value: 'north-user' });
  });
});
