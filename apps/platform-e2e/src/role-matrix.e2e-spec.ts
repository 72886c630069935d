import { headers, type NatsConnection } from '@nats-io/transport-node';
import { connectAsHarness, startPlatform, waitUntil, type Platform, type WorkspaceCredentials } from '@switchboard/testing';
import { pathOf, ROUTES } from './gateway-routes.js';
import { gatewayRequest } from './switchboard-for.js';

type Role = 'viewer' | 'developer' | 'admin' | 'owner';
/** `own`: every member for their own keys, only admins for another member's. */
type Needed = Role | 'public' | 'own';

const ROLES: Role[] = ['viewer', 'developer', 'admin', 'owner'];
const RANK: Record<Role, number> = { viewer: 0, developer: 1, admin: 2, owner: 3 };

// The allow/deny table: the least role each route needs.
const NEEDED: Record<string, Needed> = {
  'GET /health': 'public',
  'GET /ready': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'POST /v1/sessions': 'public',
  'POST /hooks/{receive_id}': 'public',
  'GET /v1/sessions/current': 'viewer',
  'DELETE /v1/sessions/current': 'viewer',

  'PUT /v1/products/{product}': 'developer',
  'GET /v1/products': 'viewer',
  'GET /v1/products/{product}': 'viewer',
  'PATCH /v1/products/{product}': 'developer',
  'DELETE /v1/products/{product}': 'developer',
  'POST /v1/apps': 'developer',
  'POST /v1/apps/import/preview': 'developer',
  'POST /v1/apps/import': 'developer',
  'GET /v1/apps': 'viewer',
  'GET /v1/apps/{app}': 'viewer',
  'GET /v1/apps/{app}/actions/{action}': 'viewer',
  'PATCH /v1/apps/{app}': 'developer',
  'DELETE /v1/apps/{app}': 'developer',
  'POST /v1/apps/{app}/publish': 'developer',
  'GET /v1/apps/{app}/template-update': 'viewer',
  'POST /v1/apps/{app}/template-update': 'developer',
  'GET /v1/marketplace/apps': 'viewer',
  'GET /v1/marketplace/apps/{tag}': 'viewer',
  'POST /v1/marketplace/apps/{tag}/install': 'developer',
  'POST /v1/products/{product}/connect': 'developer',
  'POST /v1/products/{product}/connections': 'developer',
  'GET /v1/products/{product}/connections': 'viewer',
  'GET /v1/products/{product}/connections/{access_tag}': 'viewer',
  'PATCH /v1/products/{product}/connections/{access_tag}': 'developer',
  'DELETE /v1/products/{product}/connections/{access_tag}': 'developer',
  'POST /v1/products/{product}/webhooks': 'developer',
  'GET /v1/products/{product}/webhooks': 'viewer',
  'GET /v1/products/{product}/webhooks/{webhook}': 'viewer',
  'PATCH /v1/products/{product}/webhooks/{webhook}': 'developer',
  'DELETE /v1/products/{product}/webhooks/{webhook}': 'developer',
  'GET /v1/products/{product}/webhooks/{webhook}/forwarding-secret': 'developer',
  'POST /v1/products/{product}/webhooks/{webhook}/forwarding-secret/rotate': 'developer',
  'POST /v1/products/{product}/webhooks/{webhook}/enable': 'developer',
  'GET /v1/products/{product}/webhooks/{webhook}/events': 'viewer',
  'GET /v1/products/{product}/webhooks/{webhook}/events/{event_id}': 'viewer',
  'POST /v1/products/{product}/webhooks/{webhook}/events/{event_id}/replay': 'developer',
  'POST /v1/products/{product}/webhooks/{webhook}/events/replay': 'developer',

  'POST /v1/secrets': 'admin',
  'GET /v1/secrets': 'viewer',
  'GET /v1/secrets/{key}': 'admin',
  'PATCH /v1/secrets/{key}': 'admin',
  'POST /v1/secrets/{key}/rotate': 'admin',
  'DELETE /v1/secrets/{key}': 'admin',
  'GET /v1/secret-audit': 'viewer',

  'POST /v1/integrations/fetch': 'developer',
  'GET /v1/integrations/secrets/{key}': 'developer',
  'PUT /v1/integrations/secrets/{key}': 'developer',
  'GET /v1/integrations/networks/{network}/secrets/{key}': 'developer',
  'PUT /v1/integrations/networks/{network}/secrets/{key}': 'developer',

  'POST /v1/actions/run': 'developer',
  'POST /v1/actions/dispatch': 'developer',
  'POST /v1/actions/plan': 'developer',
  'GET /v1/actions/runs': 'viewer',
  'GET /v1/actions/runs/{run_id}': 'viewer',

  'GET /v1/members': 'viewer',
  'POST /v1/members': 'admin',
  'GET /v1/members/{member}': 'viewer',
  'PATCH /v1/members/{member}': 'admin',
  'DELETE /v1/members/{member}': 'admin',
  'GET /v1/members/{member}/keys': 'own',
  'POST /v1/members/{member}/keys': 'own',
  'POST /v1/members/{member}/keys/{key_id}/rotate': 'own',
  'DELETE /v1/members/{member}/keys/{key_id}': 'own',
  'GET /v1/audit-events': 'admin',
};

const BODILESS = new Set(['GET', 'DELETE']);

describe('Roles: every route with every role, and with another workspace’s credentials', () => {
  let platform: Platform;
  let owner: WorkspaceCredentials;
  let outsider: WorkspaceCredentials;
  const members = {} as Record<Role, WorkspaceCredentials>;

  beforeAll(async () => {
    platform = await startPlatform();
    owner = await platform.createWorkspace('roles');
    outsider = await platform.createWorkspace('roles-outsider');
    members.owner = owner;
    for (const role of ['viewer', 'developer', 'admin'] as const) {
      const created = await gatewayRequest(platform, owner, 'POST', '/v1/members', { name: `A ${role}`, role });
      expect(created.status).toBe(201);
      const key = created.body.key as { private_key: string };
      members[role] = { workspace_id: owner.workspace_id, user_id: created.body.user_id as string, private_key: key.private_key };
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('classifies every route of the gateway', () => {
    expect(Object.keys(NEEDED).sort()).toEqual(ROUTES.map(([method, template]) => `${method} ${template}`).sort());
  });

  // Bodies are empty and named resources do not exist, so an allowed call is refused further on (400, 404) and
  // changes nothing; a denied one is refused first, with 403.
  const authenticated = ROUTES.filter(([method, template]) => NEEDED[`${method} ${template}`] !== 'public');
  it.each(authenticated.flatMap(([method, template]) => ROLES.map((role) => [role, method, template] as const)))('%s: %s %s', async (role, method, template) => {
    const needed = NEEDED[`${method} ${template}`];
    // Own keys: the caller's own; the "another member's keys" rule is its own case below.
    const path = pathOf(template, { member: members[role].user_id });
    const reply = await gatewayRequest(platform, members[role], method, path, BODILESS.has(method) ? undefined : {});
    expect(reply.status).toBeLessThan(500);
    const allowed = needed === 'own' || RANK[role] >= RANK[needed as Role];
    if (allowed) {
      expect(reply.body.code).not.toBe('forbidden');
    } else {
      expect([reply.status, reply.body.code]).toEqual([403, 'forbidden']);
      expect(reply.body.message).toMatch(new RegExp(`^Your role \\(${role}\\) cannot ${method} .+: it needs ${needed} or above; ask a workspace admin$`));
    }
  });

  it.each(
    ROUTES.filter(([method, template]) => NEEDED[`${method} ${template}`] === 'own').flatMap(([method, template]) =>
      ROLES.map((role) => [role, method, template] as const),
    ),
  )("%s: %s %s for another member's keys", async (role, method, template) => {
    const other = role === 'viewer' ? members.developer : members.viewer;
    const reply = await gatewayRequest(platform, members[role], method, pathOf(template, { member: other.user_id }), BODILESS.has(method) ? undefined : {});
    if (RANK[role] >= RANK.admin) {
      expect(reply.body.code).not.toBe('forbidden');
    } else {
      expect([reply.status, reply.body.code, reply.body.message]).toEqual([403, 'forbidden', `Your role (${role}) manages only your own keys: ${other.user_id}'s need an admin`]);
    }
  });

  it("answers 404, never 403, for another workspace's members and keys", async () => {
    const keys = await gatewayRequest(platform, owner, 'GET', `/v1/members/${members.viewer.user_id}/keys`);
    const keyId = (keys.body as unknown as { key_id: string }[])[0]?.key_id ?? '';
    const target = members.viewer.user_id;
    const calls: [string, string, unknown][] = [
      ['GET', `/v1/members/${target}`, undefined],
      ['PATCH', `/v1/members/${target}`, { role: 'admin' }],
      ['GET', `/v1/members/${target}/keys`, undefined],
      ['POST', `/v1/members/${target}/keys`, { name: 'stolen' }],
      ['POST', `/v1/members/${target}/keys/${keyId}/rotate`, {}],
      ['DELETE', `/v1/members/${target}/keys/${keyId}`, undefined],
      ['DELETE', `/v1/members/${target}`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const reply = await gatewayRequest(platform, outsider, method, path, body);
      expect([method, path, reply.status, reply.body.code, reply.body.message]).toEqual([method, path, 404, 'member_not_found', `No member ${target} in this workspace`]);
    }
    // Untouched: the viewer is still a viewer with the one key.
    expect((await gatewayRequest(platform, owner, 'GET', `/v1/members/${target}`)).body.role).toBe('viewer');
    expect((await gatewayRequest(platform, members.viewer, 'GET', '/v1/members')).status).toBe(200);
  });

  describe('each service checks the role the gateway carries, not only the gateway', () => {
    let nats: NatsConnection;
    beforeAll(async () => {
      // As the unrestricted harness: what is shown is the service's own check, whatever the bus lets through.
      nats = await connectAsHarness(platform.nats);
    });
    afterAll(async () => {
      await nats?.close();
    });

    const ask = async (subject: string, role: string | undefined, data: object): Promise<{ err?: { code: string; message: string }; response?: unknown }> => {
      const stamped = role === undefined ? undefined : headers();
      if (role !== undefined) stamped?.set('switchboard-caller-role', role);
      const reply = await nats.request(subject, JSON.stringify({ pattern: subject, id: '1', data }), { timeout: 5000, headers: stamped });
      return reply.json();
    };

    it.each([
      ['catalog.app.create', 'viewer', 'developer'],
      ['connection.connection.create', 'viewer', 'developer'],
      ['secrets.secret.create', 'developer', 'admin'],
      ['secrets.secret.fetch', 'viewer', 'admin'],
      ['actions.action.run', 'viewer', 'developer'],
      ['catalog.app.list', 'nobody', 'viewer'],
    ])('%s carried as %s is refused before its handler runs', async (subject, role, needed) => {
      const reply = await ask(subject, role, { workspace_id: owner.workspace_id });
      expect(reply.err).toMatchObject({ code: 'forbidden', message: `The ${role} role may not ${subject}: it needs ${needed}` });
    });

    it("stamps each request the gateway sends on a member's behalf with that member's role", async () => {
      const seen: (string | undefined)[] = [];
      // A plain subscription beside the catalog's queue group: a copy of every catalog.app.list request.
      const copies = nats.subscribe('catalog.app.list', { callback: (_error, message) => {
          seen.push(message.headers?.get('switchboard-caller-role'));
        },
      });
      await nats.flush();
      try {
        for (const role of ['viewer', 'developer'] as const) expect((await gatewayRequest(platform, members[role], 'GET', '/v1/apps')).status).toBe(200);
        expect((await gatewayRequest(platform, owner, 'GET', '/v1/apps')).status).toBe(200);
        await waitUntil(() => Promise.resolve(seen.length >= 3), { what: 'three copies', timeoutMs: 5_000, intervalMs: 20 });
        expect(seen).toEqual(['viewer', 'developer', 'owner']);
      } finally {
        copies.unsubscribe();
      }
    });

    it('lets a covering role through to the handler (which then checks the request itself)', async () => {
      const reply = await ask('catalog.app.list', 'viewer', { workspace_id: owner.workspace_id });
      expect(reply.response).toEqual([]);
      expect((await ask('secrets.secret.create', 'admin', { workspace_id: owner.workspace_id })).err).toMatchObject({ code: 'validation_failed' });
    });
  });
});
