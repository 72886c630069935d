import type { NatsConnection } from '@nats-io/transport-node';
import type { AuthSchemeView, RunActionBody } from '@switchboard/contracts';
import { DEFAULT_NATS_MAX_PAYLOAD } from '@switchboard/platform';
import { AccessTokenCache } from '../../src/cache/access-token.cache.js';
import { OutboundClient } from '../../src/outbound/outbound-request.js';
import type { RunRecordWriter } from '../../src/run-records/run-record-writer.js';
import type { ConnectionRateLimiter } from '../../src/rate-limits/connection-rate-limiter.js';
import { ActionRunner } from '../../src/runs/action-runner.js';
import { ConnectionConcurrency } from '../../src/runs/connection-concurrency.js';
import { OAuthTokenProvider } from '../../src/runs/oauth/oauth-token-provider.js';
import { RunAuthentication } from '../../src/runs/run-authentication.js';
import type { RunSecrets } from '../../src/runs/run-secrets.js';
import type { RunTarget } from '../../src/runs/run-target.js';
import type { RunTargetLoader } from '../../src/runs/run-target.loader.js';
import { startLocalUpstream, type LocalUpstream } from '../outbound/local-upstream.js';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './fake-token-endpoint.js';
import { Registry } from 'prom-client';
import { RunMetrics } from '../../src/run-records/run-metrics.js';

const run: RunActionBody = { env: 'prd', product: 'shop', app: 'crm', event: 'me' };

// The runner with its real authentication, outbound client and concurrency, and stand-ins for what needs other services.
describe('A run authenticated with an OAuth2 scheme', () => {
  let endpoint: FakeTokenEndpoint;
  let api: LocalUpstream;
  /** The one token the API takes; anything else gets 401, as after a revocation. */
  let acceptedToken: string;
  let outbound: OutboundClient;
  let runner: ActionRunner;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    acceptedToken = 'token-1';
    api = await startLocalUpstream((request, response) => {
      const ok = request.headers.authorization === `Bearer ${acceptedToken}`;
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(ok ? { me: 'crm-user' } : { error: 'invalid_token' }));
    });
    outbound = new OutboundClient({
      allow: ['127.0.0.1'],
      maxResponseBytes: 64 * 1024,
      defaultTimeouts: { connectMs: 2000, headersMs: 5000, bodyMs: 5000 },
      maxAttempts: 1,
      maxConnectionsPerOrigin: 8,
    });
    const scheme: AuthSchemeView = {
      tag: 'oauth',
      type: 'oauth2_client_credentials',
      in: 'header',
      name: null,
      token_url: endpoint.url,
      scopes: [],
      audience: null,
      client_auth: 'body',
    };
    const target: RunTarget = {
      appTag: 'crm',
      accessTag: 'crm',
      env: 'prd',
      baseUrl: api.url,
      requestType: 'JSON',
      method: 'GET',
      path: '/me',
      auth: [{ scheme, data: { client_id: 'client-abc', client_secret: 'client-secret' } }],
      variables: new Map(),
    };
    const tokens = new OAuthTokenProvider(outbound, new AccessTokenCache(100), { timeoutMs: 2000 });
    runner = new ActionRunner(
      { load: () => Promise.resolve(target), isWarm: () => true } as unknown as RunTargetLoader,
      { resolve: () => Promise.resolve({}), reportUses: () => undefined } as unknown as RunSecrets,
      outbound,
      new ConnectionConcurrency(32, 5000),
      { record: () => undefined } as unknown as RunRecordWriter,
      new RunAuthentication(tokens),
      { info: { max_payload: DEFAULT_NATS_MAX_PAYLOAD } } as NatsConnection,
      new RunMetrics(new Registry()),
      // The target has no rate limit: every run's turn is now.
      { awaitTurn: () => Promise.resolve(), retryTurn: () => Promise.resolve(0) } as unknown as ConnectionRateLimiter,
    );
  });

  afterEach(async () => {
    await outbound.close();
    await api.close();
    await endpoint.upstream.close();
  });

  it('sends the access token as a bearer token and reuses it for the next run', async () => {
    expect(await runner.run('ws1', run)).toMatchObject({ status: 200, body: { me: 'crm-user' } });
    expect(await runner.run('ws1', run)).toMatchObject({ status: 200 });
    expect(api.seen.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1']);
    expect(endpoint.count).toBe(1);
  });

  it('answers a 401 to a cached token by dropping it and sending the run once more with a fresh one', async () => {
    await runner.run('ws1', run);
    acceptedToken = 'token-2';
    expect(await runner.run('ws1', run)).toMatchObject({ status: 200, body: { me: 'crm-user' } });
    expect(api.seen.map((request) => request.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
    expect(endpoint.count).toBe(2);
  });

  it('retries only once: a fresh token the API refuses too is the run’s answer', async () => {
    await runner.run('ws1', run);
    acceptedToken = 'never-issued';
    expect(await runner.run('ws1', run)).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(api.seen).toHaveLength(3);
    expect(endpoint.count).toBe(2);
  });

  it('does not retry a 401 to a token it has just been issued', async () => {
    acceptedToken = 'never-issued';
    expect(await runner.run('ws1', run)).toMatchObject({ status: 401 });
    expect(api.seen).toHaveLength(1);
    expect(endpoint.count).toBe(1);
  });

  it('refreshes a revoked token once for many runs that hit the 401 together', async () => {
    await runner.run('ws1', run);
    acceptedToken = 'token-2';
    const replies = await Promise.all(Array.from({ length: 10 }, () => runner.run('ws1', run)));
    expect(replies.map((reply) => reply.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(endpoint.count).toBe(2);
  });
});
