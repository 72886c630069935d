import { startPlatform, startService, type Platform, type ServiceHandle, type WorkspaceCredentials } from '@switchboard/testing';

interface Reply {
  status: number;
  body: { code?: string; message?: string; details?: unknown };
  headers: Headers;
}

async function get(baseUrl: string, credentials: WorkspaceCredentials | undefined, path: string): Promise<Reply> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials) {
    headers['x-switchboard-workspace-id'] = credentials.workspace_id;
    headers['x-switchboard-user-id'] = credentials.user_id;
    headers.authorization = `Bearer ${credentials.private_key}`;
  }
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Reply['body'], headers: response.headers };
}

const rateLimitHeadersOf = (reply: Reply): Record<string, string | null> => ({
  limit: reply.headers.get('ratelimit-limit'),
  remaining: reply.headers.get('ratelimit-remaining'),
  reset: reply.headers.get('ratelimit-reset'),
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tiny limits, one token a second: a key may send 3 at once, a workspace 5, so the key's limit is met first (a
 * workspace has one user and one key here). Each test spends its own workspace's buckets, well within a second.
 */
describe('Rate limits per workspace and per API key, shared by gateway replicas', () => {
  let platform: Platform;
  let secondGateway: ServiceHandle;
  let overridden: WorkspaceCredentials;

  beforeAll(async () => {
    platform = await startPlatform({
      env: {
        GATEWAY_RATE_LIMIT_WORKSPACE_PER_SECOND: '1',
        GATEWAY_RATE_LIMIT_WORKSPACE_BURST: '5',
        GATEWAY_RATE_LIMIT_KEY_PER_SECOND: '1',
        GATEWAY_RATE_LIMIT_KEY_BURST: '3',
      },
    });
    overridden = await platform.createWorkspace('overridden');
    // A second replica on the same database and NATS; it alone gives one workspace a smaller limit than its key's.
    secondGateway = await startService('gateway', {
      nats: platform.nats,
      env: { ...platform.services.gateway.env, GATEWAY_PORT: undefined, GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES: `${overridden.workspace_id}=1/2` },
    });
  });

  afterAll(async () => {
    await secondGateway?.stop();
    await platform?.stop();
  });

  it('answers 429 rate_limited naming the key limit, with Retry-After, and RateLimit headers on every counted answer', async () => {
    const caller = await platform.createWorkspace('limited');
    const admitted = [];
    for (let i = 0; i < 3; i += 1) admitted.push(await get(platform.url, caller, '/v1/products'));
    expect(admitted.map((reply) => reply.status)).toEqual([200, 200, 200]);
    // The key's bucket is the one closer to empty, so the headers speak of it.
    expect(admitted.map(rateLimitHeadersOf)).toEqual([
      { limit: '3', remaining: '2', reset: '1' },
      { limit: '3', remaining: '1', reset: '2' },
      { limit: '3', remaining: '0', reset: '3' },
    ]);

    const refused = await get(platform.url, caller, '/v1/products');
    expect(refused.status).toBe(429);
    const { message, ...rest } = refused.body;
    expect(message).toMatch(/^Rate limit of the API key key_[\w-]+ exceeded: 1 requests per second, bursts of 3; retry after 1 s$/);
    expect(rest).toEqual({ code: 'rate_limited', details: { limit: 'key', per_second: 1, burst: 3, retry_after_seconds: 1 } });
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(rateLimitHeadersOf(refused)).toEqual({ limit: '3', remaining: '0', reset: '3' });
  });

  it('counts each workspace apart', async () => {
    const [noisy, quiet] = await Promise.all([platform.createWorkspace('noisy'), platform.createWorkspace('quiet')]);
    for (let i = 0; i < 3; i += 1) await get(platform.url, noisy, '/v1/products');
    expect((await get(platform.url, noisy, '/v1/products')).status).toBe(429);
    const other = await get(platform.url, quiet, '/v1/products');
    expect([other.status, rateLimitHeadersOf(other)]).toEqual([200, { limit: '3', remaining: '2', reset: '1' }]);
  });

  it('refills the budget at its rate', async () => {
    const caller = await platform.createWorkspace('refilled');
    for (let i = 0; i < 3; i += 1) await get(platform.url, caller, '/v1/products');
    const refused = await get(platform.url, caller, '/v1/products');
    expect(refused.status).toBe(429);
    await sleep(Number(refused.headers.get('retry-after')) * 1000 + 100);
    expect((await get(platform.url, caller, '/v1/products')).status).toBe(200);
    expect((await get(platform.url, caller, '/v1/products')).status).toBe(429);
  });

  it('shares one budget between gateway replicas', async () => {
    const caller = await platform.createWorkspace('replicated');
    const statuses = [];
    for (const url of [platform.url, secondGateway.url!, platform.url, secondGateway.url!]) statuses.push((await get(url, caller, '/v1/products')).status);
    // Each replica alone would have let three through.
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await get(platform.url, caller, '/v1/products')).status).toBe(429);
  });

  it("names the workspace's limit when it is met first, and takes a workspace's own limit from the overrides", async () => {
    const statuses = [];
    for (let i = 0; i < 2; i += 1) statuses.push((await get(secondGateway.url!, overridden, '/v1/products')).status);
    expect(statuses).toEqual([200, 200]);
    const refused = await get(secondGateway.url!, overridden, '/v1/products');
    expect([refused.status, refused.body.message, refused.body.details]).toEqual([
      429,
      `Rate limit of the workspace ${overridden.workspace_id} exceeded: 1 requests per second, bursts of 2; retry after 1 s`,
      { limit: 'workspace', per_second: 1, burst: 2, retry_after_seconds: 1 },
    ]);
    expect(rateLimitHeadersOf(refused)).toEqual({ limit: '2', remaining: '0', reset: '2' });
  });

  it('does not count public routes: health probes and sign-in', async () => {
    const caller = await platform.createWorkspace('public');
    for (let i = 0; i < 6; i += 1) {
      const health = await fetch(`${platform.url}/health`);
      expect([health.status, health.headers.get('ratelimit-limit')]).toEqual([200, null]);
    }
    for (let i = 0; i < 6; i += 1) {
      const signIn = await fetch(`${platform.url}/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspace_id: caller.workspace_id, user_id: caller.user_id, private_key: caller.private_key }),
      });
      expect([signIn.status, signIn.headers.get('ratelimit-limit')]).toEqual([201, null]);
    }
    // Sign-in took nothing from the key's bucket.
    expect(rateLimitHeadersOf(await get(platform.url, caller, '/v1/products'))).toEqual({ limit: '3', remaining: '2', reset: '1' });
  });

  it('refuses a malformed override at start, naming the setting', async () => {
    await expect(
      startService('gateway', { nats: platform.nats, env: { ...platform.services.gateway.env, GATEWAY_PORT: undefined, GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES: 'ws_x=fast' }, timeoutMs: 20_000 }),
    ).rejects.toThrow(/GATEWAY_RATE_LIMIT_WORKSPACE_OVERRIDES: "ws_x=fast" is not <workspace id>=<requests per second>\/<burst>/);
  });
});
