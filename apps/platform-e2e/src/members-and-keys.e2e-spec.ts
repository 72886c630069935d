import { startPlatform, startService, type Platform, type ServiceHandle, type WorkspaceCredentials } from '@switchboard/testing';
import { gatewayRequest, switchboardFor } from './switchboard-for.js';

interface IssuedKey {
  key_id: string;
  name: string;
  private_key: string;
  expires_at: string | null;
  last_used_at: string | null;
}

describe('Members, their roles and their API keys', () => {
  let platform: Platform;
  let replica: ServiceHandle;
  let owner: WorkspaceCredentials;
  let developer: WorkspaceCredentials;

  const onReplica = (): Platform => ({ ...platform, url: replica.url ?? '' });
  const add = async (name: string, role: string): Promise<WorkspaceCredentials> => {
    const created = await gatewayRequest(platform, owner, 'POST', '/v1/members', { name, role });
    expect(created.status).toBe(201);
    return { workspace_id: owner.workspace_id, user_id: created.body.user_id as string, private_key: (created.body.key as IssuedKey).private_key };
  };
  const productsAs = async (credentials: WorkspaceCredentials, target: Platform = platform): Promise<number> =>
    (await gatewayRequest(target, credentials, 'GET', '/v1/products')).status;

  beforeAll(async () => {
    // A long cache TTL: what is checked below is that changes drop cached entries at once, not that entries expire.
    platform = await startPlatform({ env: { GATEWAY_AUTH_CACHE_TTL_MS: '600000' } });
    const { GATEWAY_PORT: _port, ...env } = platform.services.gateway.env;
    replica = await startService('gateway', { nats: platform.nats, env });
    owner = await platform.createWorkspace('members');
    developer = await add('Dana Developer', 'developer');
  });

  afterAll(async () => {
    await replica?.stop();
    await platform?.stop();
  });

  it('lists the owner first, then the members added, with their roles', async () => {
    const listed = await switchboardFor(platform, developer).members.fetchAll();
    expect(listed.slice(0, 2)).toEqual([
      expect.objectContaining({ user_id: owner.user_id, name: 'Owner', role: 'owner' }),
      expect.objectContaining({ user_id: developer.user_id, name: 'Dana Developer', role: 'developer' }),
    ]);
  });

  it.each([
    [{ name: 'X', role: 'owner' }, 'role', 'role must be one of viewer, developer, admin'],
    [{ name: '', role: 'viewer' }, 'name', 'name must be longer than or equal to 1 characters'],
    [{ role: 'viewer' }, 'name', 'name must be a string'],
  ])('refuses a member %j, naming %s', async (body, field, message) => {
    const reply = await gatewayRequest(platform, owner, 'POST', '/v1/members', body);
    expect([reply.status, reply.body.code]).toEqual([400, 'validation_failed']);
    const fields = (reply.body.details as { fields: { field: string; messages: string[] }[] }).fields;
    expect(fields.map((entry) => entry.field)).toEqual([field]);
    expect(fields[0]?.messages).toContain(message);
  });

  it("keeps the owner: neither their role nor their membership can be taken", async () => {
    const admin = await add('Ada Admin', 'admin');
    const demote = await gatewayRequest(platform, admin, 'PATCH', `/v1/members/${owner.user_id}`, { role: 'viewer' });
    expect([demote.status, demote.body.code, demote.body.message]).toEqual([
      409,
      'owner_protected',
      `Cannot change the role of ${owner.user_id}: the workspace's owner keeps that role and cannot be removed`,
    ]);
    const remove = await gatewayRequest(platform, admin, 'DELETE', `/v1/members/${owner.user_id}`);
    expect([remove.status, remove.body.code]).toEqual([409, 'owner_protected']);
    expect((await gatewayRequest(platform, admin, 'PATCH', `/v1/members/${owner.user_id}`, { name: 'Olga Owner' })).body).toMatchObject({ name: 'Olga Owner', role: 'owner' });
  });

  it('applies a role change to the member at once, on every gateway replica', async () => {
    const viewer = await add('Vic Viewer', 'viewer');
    // Both replicas have the viewer's key and role in memory before the change.
    for (const target of [platform, onReplica()]) {
      expect((await gatewayRequest(target, viewer, 'PUT', '/v1/products/roles-shop', {})).status).toBe(403);
    }
    expect((await gatewayRequest(platform, owner, 'PATCH', `/v1/members/${viewer.user_id}`, { role: 'developer' })).body.role).toBe('developer');
    for (const target of [platform, onReplica()]) {
      await eventually(async () => expect((await gatewayRequest(target, viewer, 'PUT', '/v1/products/roles-shop', {})).status).toBe(200));
    }
  });

  it('issues named, expiring keys; records their last use; never shows a key again', async () => {
    const created = await gatewayRequest(platform, developer, 'POST', `/v1/members/${developer.user_id}/keys`, { name: 'ci', expires_at: '2099-01-01T00:00:00Z' });
    expect(created.status).toBe(201);
    const key = created.body as unknown as IssuedKey;
    expect(key).toMatchObject({ name: 'ci', expires_at: '2099-01-01T00:00:00.000Z', last_used_at: null });
    expect(key.private_key).toMatch(/^sbk_/);
    expect(await productsAs({ ...developer, private_key: key.private_key })).toBe(200);
    await eventually(async () => {
      const listed = (await gatewayRequest(platform, developer, 'GET', `/v1/members/${developer.user_id}/keys`)).body as unknown as IssuedKey[];
      const ci = listed.find((entry) => entry.key_id === key.key_id);
      expect(ci?.last_used_at).not.toBeNull();
      expect(listed.every((entry) => entry.private_key === undefined)).toBe(true);
    });
  });

  it('refuses an expiry in the past, naming expires_at', async () => {
    const reply = await gatewayRequest(platform, developer, 'POST', `/v1/members/${developer.user_id}/keys`, { name: 'old', expires_at: '2020-01-01T00:00:00Z' });
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([400, 'validation_failed', 'expires_at must be in the future']);
  });

  it('refuses an expired key, saying it expired', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const key = (await gatewayRequest(platform, developer, 'POST', `/v1/members/${developer.user_id}/keys`, { name: 'short', expires_at: expiresAt })).body as unknown as IssuedKey;
    const credentials = { ...developer, private_key: key.private_key };
    expect(await productsAs(credentials)).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const reply = await gatewayRequest(platform, credentials, 'GET', '/v1/products');
    expect([reply.status, reply.body.code, reply.body.message]).toEqual([
      401,
      'unauthenticated',
      `This API key (${key.key_id}) expired at ${expiresAt}: create a new one with POST /v1/members/${developer.user_id}/keys`,
    ]);
  });

  it('rotates a key: the old secret is refused at once on every replica, the new one works', async () => {
    const keys = switchboardFor(platform, developer).members.keys;
    const key = await keys.create(developer.user_id, { name: 'rotating' });
    const old = { ...developer, private_key: key.private_key };
    expect([await productsAs(old), await productsAs(old, onReplica())]).toEqual([200, 200]);
    const rotated = await keys.rotate(developer.user_id, key.key_id);
    expect([rotated.key_id, rotated.name, typeof rotated.rotated_at]).toEqual([key.key_id, 'rotating', 'string']);
    await eventually(async () => expect([await productsAs(old), await productsAs(old, onReplica())]).toEqual([401, 401]));
    const renewed = { ...developer, private_key: rotated.private_key };
    expect([await productsAs(renewed), await productsAs(renewed, onReplica())]).toEqual([200, 200]);
  });

  it('revokes a key at once on every replica; another workspace member cannot', async () => {
    const key = (await gatewayRequest(platform, developer, 'POST', `/v1/members/${developer.user_id}/keys`, { name: 'revoked' })).body as unknown as IssuedKey;
    const credentials = { ...developer, private_key: key.private_key };
    expect([await productsAs(credentials), await productsAs(credentials, onReplica())]).toEqual([200, 200]);
    const revoked = await gatewayRequest(platform, owner, 'DELETE', `/v1/members/${developer.user_id}/keys/${key.key_id}`);
    expect(revoked.body).toMatchObject({ key_id: key.key_id, name: 'revoked' });
    await eventually(async () => expect([await productsAs(credentials), await productsAs(credentials, onReplica())]).toEqual([401, 401]));
    const again = await gatewayRequest(platform, owner, 'DELETE', `/v1/members/${developer.user_id}/keys/${key.key_id}`);
    expect([again.status, again.body.code, again.body.message]).toEqual([404, 'api_key_not_found', `No API key ${key.key_id} of member ${developer.user_id}`]);
  });

  it("removes a member: their keys and sessions are refused at once", async () => {
    const leaving = await add('Lee Leaving', 'developer');
    const signIn = await fetch(`${platform.url}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(leaving) });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const sessionStatus = async (): Promise<number> => (await fetch(`${platform.url}/v1/products`, { headers: { cookie } })).status;
    expect([await sessionStatus(), await productsAs(leaving), await productsAs(leaving, onReplica())]).toEqual([200, 200, 200]);
    expect((await gatewayRequest(platform, owner, 'DELETE', `/v1/members/${leaving.user_id}`)).status).toBe(200);
    await eventually(async () => expect([await sessionStatus(), await productsAs(leaving), await productsAs(leaving, onReplica())]).toEqual([401, 401, 401]));
  });

  it('keeps an audit log of who changed what, with which key and from where, never a value; only admins read it', async () => {
    await gatewayRequest(platform, owner, 'POST', '/v1/secrets', { key: 'AUDITED_KEY', value: 'sk_audit_value_never_logged' });
    // A refused change is not a change: the second create (409) leaves no row.
    expect((await gatewayRequest(platform, owner, 'POST', '/v1/secrets', { key: 'AUDITED_KEY', value: 'again' })).status).toBe(409);
    const log = await gatewayRequest(platform, owner, 'GET', '/v1/audit-events?limit=200');
    expect(log.status).toBe(200);
    const events = log.body as unknown as Record<string, unknown>[];
    const { event_id: eventId, at, key_id: keyId, ...latest } = events[0] ?? {};
    expect([eventId, keyId, Number.isNaN(Date.parse(String(at)))]).toEqual([expect.stringMatching(/^aud_\d+$/) as unknown, expect.stringMatching(/^key_/) as unknown, false]);
    expect(latest).toEqual({
      user_id: owner.user_id,
      ip: '127.0.0.1',
      operation: 'POST /v1/secrets',
      path: '/v1/secrets',
      resource: 'AUDITED_KEY',
      status: 201,
    });
    expect(events.map((event) => event.operation)).toEqual(
      expect.arrayContaining(['POST /v1/members', 'PATCH /v1/members/{member}', 'DELETE /v1/members/{member}', 'POST /v1/members/{member}/keys/{key_id}/rotate', 'DELETE /v1/members/{member}/keys/{key_id}']),
    );
    expect(events.filter((event) => event.resource === 'AUDITED_KEY')).toHaveLength(1);
    const text = JSON.stringify(events);
    expect(text).not.toContain('sk_audit_value_never_logged');
    expect(text).not.toContain('sbk_');
    const page = await switchboardFor(platform, owner).audit.fetch({ limit: 2, before: String(events[0]?.event_id) });
    expect(page.map((event) => event.event_id)).toEqual([events[1]?.event_id, events[2]?.event_id]);
    const refused = await gatewayRequest(platform, developer, 'GET', '/v1/audit-events');
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    const bad = await gatewayRequest(platform, owner, 'GET', '/v1/audit-events?before=yesterday');
    expect([bad.status, bad.body.message]).toEqual([400, 'before must be an event_id (aud_<digits>) from the previous page']);
  });
});

// Another replica drops its cached entry when the change's event reaches it, a moment after the reply.
async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
