import pg from 'pg';
import { Switchboard, SwitchboardError } from '@switchboard/sdk';
import { rejectionOf, startPlatform, startService, waitUntil, type Platform, type ServiceHandle, type WorkspaceCredentials } from '@switchboard/testing';
import { switchboardFor } from './switchboard-for.js';

const INVALID_CREDENTIALS = 'Invalid credentials: the workspace, user and private key do not match';
const SESSION_OVER = 'The session has ended or expired: sign in again (POST /v1/sessions)';
const TWELVE_HOURS_MS = 12 * 3600 * 1000;

interface Reply {
  status: number;
  body: { code?: string; message?: string } & Record<string, unknown>;
  setCookie: string[];
}

/** A signed-in browser as the gateway sees it: the cookie it was given and the CSRF token the page keeps. */
interface SignedIn {
  cookie: string;
  csrf: string;
  expiresAt: string;
}

// Raw HTTP with only the headers given: fetch() in Node keeps no cookies, so each call names the one it sends.
async function call(baseUrl: string, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(options.body)),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Reply['body']), setCookie: response.headers.getSetCookie() };
}

const withCookie = (session: SignedIn, extra: Record<string, string> = {}): Record<string, string> => ({ cookie: session.cookie, ...extra });
const withCsrf = (session: SignedIn): Record<string, string> => withCookie(session, { 'x-switchboard-csrf': session.csrf });

// The sign-in body: the three credentials alone (what the CLI prints also says whether it created the workspace).
const signInBody = ({ workspace_id, user_id, private_key }: WorkspaceCredentials): WorkspaceCredentials => ({ workspace_id, user_id, private_key });

async function signIn(baseUrl: string, credentials: WorkspaceCredentials, headers: Record<string, string> = {}): Promise<SignedIn & { reply: Reply }> {
  const reply = await call(baseUrl, 'POST', '/v1/sessions', { body: signInBody(credentials), headers });
  expect(reply.status).toBe(201);
  const cookie = reply.setCookie[0]?.split(';')[0] ?? '';
  return { cookie, csrf: String(reply.body.csrf_token), expiresAt: String(reply.body.expires_at), reply };
}

describe('Sign-in sessions: the credentials once for an HttpOnly cookie, CSRF-checked, ended on the server', () => {
  let platform: Platform;
  let credentials: WorkspaceCredentials;
  let other: WorkspaceCredentials;

  beforeAll(async () => {
    platform = await startPlatform();
    credentials = await platform.createWorkspace('sessions');
    other = await platform.createWorkspace('sessions-other');
    await switchboardFor(platform, credentials).product.init('shop');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers a sign-in with the session and an opaque HttpOnly, SameSite=Strict cookie for the whole site, not Secure over http', async () => {
    const before = Date.now();
    const { reply, cookie, csrf, expiresAt } = await signIn(platform.url, credentials);

    expect(reply.body).toEqual({ workspace_id: credentials.workspace_id, user_id: credentials.user_id, expires_at: expiresAt, csrf_token: csrf });
    expect(csrf).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(before + TWELVE_HOURS_MS - 1000);
    expect(Date.parse(expiresAt)).toBeLessThanOrEqual(Date.now() + TWELVE_HOURS_MS);
    expect(reply.setCookie).toHaveLength(1);
    expect(reply.setCookie[0]).toBe(`${cookie}; Path=/; Expires=${new Date(expiresAt).toUTCString()}; HttpOnly; SameSite=Strict`);
    expect(cookie).toMatch(/^switchboard_session=sbs_[\w-]{43}$/);
    expect(cookie).not.toContain(credentials.private_key);
  });

  it('keeps only a hash of the session token', async () => {
    const { cookie } = await signIn(platform.url, credentials);
    const token = cookie.split('=')[1] ?? '';
    const client = new pg.Client({ connectionString: platform.databaseUrl });
    await client.connect();
    try {
      const rows = await client.query<{ row: string }>('SELECT row_to_json(s)::text AS row FROM gateway.sessions s');
      expect(rows.rows.length).toBeGreaterThan(0);
      expect(rows.rows.map((row) => row.row).join('\n')).not.toContain(token);
    } finally {
      await client.end();
    }
  });

  it('authenticates reads with the cookie alone and changes with the cookie and the CSRF token', async () => {
    const session = await signIn(platform.url, credentials);

    const products = await call(platform.url, 'GET', '/v1/products', { headers: withCookie(session) });
    expect([products.status, (products.body as unknown as { tag: string }[]).map((product) => product.tag)]).toEqual([200, ['shop']]);
    const created = await call(platform.url, 'PUT', '/v1/products/cart', { headers: withCsrf(session), body: {} });
    expect([created.status, created.body.tag]).toEqual([201, 'cart']);
    const app = await call(platform.url, 'POST', '/v1/apps', {
      headers: withCsrf(session),
      body: { tag: 'session-app', envs: [{ slug: 'prd', base_url: 'https://api.example.com', request_type: 'JSON' }] },
    });
    expect(app.status).toBe(201);
  });

  it.each([
    ['no CSRF token', {}],
    ['another session’s CSRF token', { 'x-switchboard-csrf': 'not-this-sessions-token-aaaaaaaaaaaaaaaaaaaa' }],
  ])('refuses a change with the cookie and %s with 403 csrf_invalid, and changes nothing', async (_case, extra) => {
    const session = await signIn(platform.url, credentials);

    const reply = await call(platform.url, 'PUT', '/v1/products/forged', { headers: withCookie(session, extra), body: {} });

    expect([reply.status, reply.body.code, reply.body.message]).toEqual([
      403,
      'csrf_invalid',
      "x-switchboard-csrf must carry the session's csrf_token (from POST /v1/sessions or GET /v1/sessions/current) on calls that change state",
    ]);
    expect((await call(platform.url, 'GET', '/v1/products/forged', { headers: withCookie(session) })).status).toBe(404);
  });

  it('gives the session back, with the same CSRF token, to a page that reloads', async () => {
    const session = await signIn(platform.url, credentials);

    const current = await call(platform.url, 'GET', '/v1/sessions/current', { headers: withCookie(session) });

    expect([current.status, current.body]).toEqual([200, { workspace_id: credentials.workspace_id, user_id: credentials.user_id, expires_at: session.expiresAt, csrf_token: session.csrf }]);
  });

  it.each([
    ['a wrong private key', (c: WorkspaceCredentials, o: WorkspaceCredentials) => ({ ...c, private_key: o.private_key })],
    ['another workspace’s id', (c: WorkspaceCredentials, o: WorkspaceCredentials) => ({ ...c, workspace_id: o.workspace_id })],
    ['an unknown user', (c: WorkspaceCredentials) => ({ ...c, user_id: 'usr_nobody' })],
  ])('refuses a sign-in with %s with the key guard’s 401, and sets no cookie', async (_case, tamper) => {
    const reply = await call(platform.url, 'POST', '/v1/sessions', { body: signInBody(tamper(credentials, other)) });
    expect([reply.status, reply.body.code, reply.body.message, reply.setCookie]).toEqual([401, 'unauthenticated', INVALID_CREDENTIALS, []]);
  });

  it.each([
    ['without a private key', {}, 'private_key must be a string'],
    ['with an empty private key', { private_key: '' }, 'private_key should not be empty'],
  ])('refuses a sign-in %s with 400 naming it', async (_case, key, message) => {
    const reply = await call(platform.url, 'POST', '/v1/sessions', { body: { workspace_id: credentials.workspace_id, user_id: credentials.user_id, ...key } });
    expect([reply.status, reply.body.code, reply.body.message, reply.body.details]).toEqual([400, 'validation_failed', message, { fields: [{ field: 'private_key', messages: [message] }] }]);
  });

  it('binds a session to its workspace: another workspace’s cookie sees only that workspace', async () => {
    const theirs = await signIn(platform.url, other);

    const products = await call(platform.url, 'GET', '/v1/products', { headers: withCookie(theirs) });
    const shop = await call(platform.url, 'GET', '/v1/products/shop', { headers: withCookie(theirs) });

    expect([products.status, products.body]).toEqual([200, []]);
    expect([shop.status, shop.body.code]).toEqual([404, 'product_not_found']);
  });

  it('lets the credential headers win over a cookie, so a script never depends on one', async () => {
    const theirs = await signIn(platform.url, other);

    const reply = await call(platform.url, 'GET', '/v1/products/shop', {
      headers: withCookie(theirs, { 'x-switchboard-workspace-id': credentials.workspace_id, 'x-switchboard-user-id': credentials.user_id, authorization: `Bearer ${credentials.private_key}` }),
    });

    expect([reply.status, reply.body.tag]).toEqual([200, 'shop']);
  });

  it('ends the session on sign-out: the cookie is cleared and the old one gets 401 from then on', async () => {
    const session = await signIn(platform.url, credentials);
    expect((await call(platform.url, 'GET', '/v1/products', { headers: withCookie(session) })).status).toBe(200);

    const refused = await call(platform.url, 'DELETE', '/v1/sessions/current', { headers: withCookie(session) });
    expect([refused.status, refused.body.code]).toEqual([403, 'csrf_invalid']);
    const signOut = await call(platform.url, 'DELETE', '/v1/sessions/current', { headers: withCsrf(session) });
    expect([signOut.status, signOut.setCookie]).toEqual([204, ['switchboard_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict']]);

    for (const path of ['/v1/products', '/v1/sessions/current']) {
      const after = await call(platform.url, 'GET', path, { headers: withCookie(session) });
      expect([after.status, after.body.code, after.body.message]).toEqual([401, 'unauthenticated', SESSION_OVER]);
    }
    const again = await call(platform.url, 'DELETE', '/v1/sessions/current', { headers: withCsrf(session) });
    expect([again.status, again.body.code]).toEqual([401, 'unauthenticated']);
  });

  it('refuses a cookie whose session expired, and one that names no session, with the same 401', async () => {
    const session = await signIn(platform.url, credentials);
    const client = new pg.Client({ connectionString: platform.databaseUrl });
    await client.connect();
    try {
      // The newest session is the one just started; sign-in keeps nothing in memory, so the next call reads this row.
      await client.query("UPDATE gateway.sessions SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM gateway.sessions ORDER BY created_at DESC LIMIT 1)");
    } finally {
      await client.end();
    }

    const expired = await call(platform.url, 'GET', '/v1/products', { headers: withCookie(session) });
    const unknown = await call(platform.url, 'GET', '/v1/products', { headers: { cookie: 'switchboard_session=sbs_made-up' } });

    expect([expired.status, expired.body.code, expired.body.message]).toEqual([401, 'unauthenticated', SESSION_OVER]);
    expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([401, 'unauthenticated', SESSION_OVER]);
  });

  it('answers GET /v1/sessions/current for a call with key headers with 401: there is no session', async () => {
    const reply = await call(platform.url, 'GET', '/v1/sessions/current', {
      headers: { 'x-switchboard-workspace-id': credentials.workspace_id, 'x-switchboard-user-id': credentials.user_id, authorization: `Bearer ${credentials.private_key}` },
    });
    expect([reply.status, reply.body.code]).toEqual([401, 'unauthenticated']);
  });

  it('signs in through the SDK, which keeps the session and not the key; wrong credentials reject with the 401', async () => {
    const switchboard = await Switchboard.signIn({ ...signInBody(credentials), url: platform.url });
    const wrong = await rejectionOf(Switchboard.signIn({ ...signInBody(credentials), private_key: other.private_key, url: platform.url }), SwitchboardError);

    expect(switchboard.session).toEqual({ workspace_id: credentials.workspace_id, user_id: credentials.user_id, expires_at: expect.any(String) as unknown });
    expect([wrong.status, wrong.code, wrong.message]).toEqual([401, 'unauthenticated', INVALID_CREDENTIALS]);
  });

  it('resumes no session through the SDK where no cookie is sent (Node keeps none)', async () => {
    await expect(Switchboard.resume({ url: platform.url })).resolves.toBeUndefined();
  });

  describe('with a second gateway replica behind a trusted proxy', () => {
    let replica: ServiceHandle;
    let replicaUrl: string;

    beforeAll(async () => {
      // A cache TTL of an hour, so only the sign-out event can make the replica refuse a cookie it has cached.
      replica = await startService('gateway', {
        nats: platform.nats,
        env: { ...platform.services.gateway.env, GATEWAY_PORT: undefined, GATEWAY_AUTH_CACHE_TTL_MS: '3600000', GATEWAY_TRUST_PROXY: 'loopback' },
      });
      replicaUrl = replica.url ?? '';
    });

    afterAll(async () => {
      await replica?.stop();
    });

    it('sets a Secure cookie when the proxy says the request came over https', async () => {
      const { reply, cookie, expiresAt } = await signIn(replicaUrl, credentials, { 'x-forwarded-proto': 'https' });
      expect(reply.setCookie).toEqual([`${cookie}; Path=/; Expires=${new Date(expiresAt).toUTCString()}; HttpOnly; Secure; SameSite=Strict`]);
    });

    it('refuses a session ended on the other replica, although it had cached it', async () => {
      const session = await signIn(platform.url, credentials);
      expect((await call(replicaUrl, 'GET', '/v1/products', { headers: withCookie(session) })).status).toBe(200);

      expect((await call(platform.url, 'DELETE', '/v1/sessions/current', { headers: withCsrf(session) })).status).toBe(204);

      await waitUntil(async () => (await call(replicaUrl, 'GET', '/v1/products', { headers: withCookie(session) })).status === 401, {
        what: 'the replica to refuse the cookie of a session ended elsewhere',
        timeoutMs: 10_000,
      });
    });
  });
});
