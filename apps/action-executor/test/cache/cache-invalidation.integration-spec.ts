import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Events, type WebhookReceiveTarget } from '@switchboard/contracts';
import { harnessNatsAccess, natsAccessAs, sharedTestNats, startTcpRelay, waitUntil, type TcpRelay } from '@switchboard/testing';
import type { PinoLogger } from 'nestjs-pino';
import { AccessTokenCache } from '../../src/cache/access-token.cache.js';
import { ActionCache, type CatalogAction } from '../../src/cache/action.cache.js';
import { CacheInvalidation } from '../../src/cache/cache-invalidation.js';
import { RunPlanCache } from '../../src/cache/run-plan.cache.js';
import { SecretValueCache } from '../../src/cache/secret-value.cache.js';
import { WebhookReceiveTargetCache } from '../../src/cache/webhook-receive-target.cache.js';
import { ForwardingSecretCache } from '../../src/cache/forwarding-secret.cache.js';
import { ExecutorCaches } from '../../src/cache/executor-caches.js';
import { OAUTH_REFRESH_ACTOR } from '../../src/runs/oauth/refresh-token-write-back.js';

// Against the jest run's real NATS: events published by the services reach every executor's caches.
describe('CacheInvalidation', () => {
  let nats: NatsConnection;
  let invalidation: CacheInvalidation;
  let relay: TcpRelay;
  let events: NatsConnection;
  const accessTokens = new AccessTokenCache(100);
  const actions = new ActionCache(60_000, 100);
  const plans = new RunPlanCache(60_000, 100);
  const secrets = new SecretValueCache(60_000, 100);
  const receiveTargets = new WebhookReceiveTargetCache(60_000, 100);
  const forwardingSecrets = new ForwardingSecretCache(60_000, 100);

  beforeAll(async () => {
    // As the executor, through a relay the connection-loss case cuts; the events go straight to NATS, from the harness.
    const executor = natsAccessAs(sharedTestNats(), 'action-executor');
    relay = await startTcpRelay(executor.url);
    nats = await connect({ servers: relay.url, user: executor.user, pass: executor.password, inboxPrefix: executor.inboxPrefix, reconnectTimeWait: 50, maxReconnectAttempts: -1 });
    const harness = harnessNatsAccess();
    events = await connect({ servers: harness.url, user: harness.user, pass: harness.password });
    const logger = { warn: () => undefined, info: () => undefined } as unknown as PinoLogger;
    invalidation = new CacheInvalidation(nats, new ExecutorCaches(actions, plans, secrets, accessTokens, receiveTargets, forwardingSecrets), logger);
    invalidation.onApplicationBootstrap();
    await nats.flush();
  });

  afterAll(async () => {
    invalidation.onApplicationShutdown();
    await Promise.all([nats.close(), events.close()]);
    await relay.close();
  });

  const fill = async (workspaceId: string): Promise<void> => {
    await accessTokens.getOrLoad(workspaceId, 'token', () => Promise.resolve({ value: 'at', usableUntilMs: Number.MAX_SAFE_INTEGER }));
    await plans.getOrLoad(workspaceId, 'plan', () => Promise.resolve({} as never));
  };
  const publish = (subject: string, payload: object): void => events.publish(subject, JSON.stringify(payload));
  const cached = (workspaceId: string): unknown[] => [plans.peek(workspaceId, 'plan'), accessTokens.peek(workspaceId, 'token')?.value];

  it('drops plans and access tokens of the workspace a secret event names, and only of that one', async () => {
    await fill('ws_a');
    await fill('ws_b');
    publish(Events.SecretRotated, { workspace_id: 'ws_a', key: 'K', version: 2, user_id: 'usr_1' });
    await waitUntil(() => Promise.resolve(plans.peek('ws_a', 'plan') === undefined), { what: 'the plan to be dropped', timeoutMs: 5000, intervalMs: 20 });
    expect(accessTokens.peek('ws_a', 'token')).toBeUndefined();
    expect([plans.peek('ws_b', 'plan'), accessTokens.peek('ws_b', 'token')?.value]).toEqual([{}, 'at']);
  });

  it("keeps the workspace's actions through a connection's change and drops them on an app's", async () => {
    const action = {} as CatalogAction;
    await fill('ws_h');
    await actions.getOrLoad('ws_h', 'crm|create_contact', () => Promise.resolve(action));
    publish(Events.ConnectionUpdated, { workspace_id: 'ws_h', product: 'shop', access_tag: 'crm' });
    await waitUntil(() => Promise.resolve(plans.peek('ws_h', 'plan') === undefined), { what: 'the plan to be dropped', timeoutMs: 5000, intervalMs: 20 });
    expect(actions.peek('ws_h', 'crm|create_contact')).toBe(action);
    publish(Events.AppUpdated, { workspace_id: 'ws_h', app: 'crm' });
    await waitUntil(() => Promise.resolve(actions.peek('ws_h', 'crm|create_contact') === undefined), { what: 'the action to be dropped', timeoutMs: 5000, intervalMs: 20 });
  });

  it('drops the receive ids of the workspace a webhook event names, and only of that one', async () => {
    const loads: string[] = [];
    const target = (receiveId: string, workspaceId: string) => () => {
      loads.push(receiveId);
      return Promise.resolve({ receive_id: receiveId, workspace_id: workspaceId } as WebhookReceiveTarget);
    };
    await receiveTargets.getOrLoad('whk_a', target('whk_a', 'ws_hooks_a'));
    await receiveTargets.getOrLoad('whk_b', target('whk_b', 'ws_hooks_b'));
    publish(Events.WebhookUpdated, { workspace_id: 'ws_hooks_a', product: 'shop', webhook: 'github_webhook' });
    await waitUntil(
      async () => {
        await receiveTargets.getOrLoad('whk_a', target('whk_a', 'ws_hooks_a'));
        return loads.filter((id) => id === 'whk_a').length > 1;
      },
      { what: 'the receive id to be loaded again', timeoutMs: 5000, intervalMs: 20 },
    );
    await receiveTargets.getOrLoad('whk_b', target('whk_b', 'ws_hooks_b'));
    expect(loads.filter((id) => id === 'whk_b')).toHaveLength(1);
  });

  it("drops the workspace's forwarding secrets on a forwarding secret's rotation, and nothing else", async () => {
    const view = (secret: string) => () => Promise.resolve({ secret, created_at: '2026-12-02T10:00:00.000Z', previous: null });
    await fill('ws_f');
    await forwardingSecrets.getOrLoad('ws_f', 'shop/github_webhook', view('whsec_old'));
    await forwardingSecrets.getOrLoad('ws_g', 'shop/github_webhook', view('whsec_other'));
    publish(Events.WebhookForwardingSecretRotated, { workspace_id: 'ws_f', product: 'shop', webhook: 'github_webhook' });
    await waitUntil(() => Promise.resolve(forwardingSecrets.peek('ws_f', 'shop/github_webhook') === undefined), {
      what: 'the forwarding secret to be dropped',
      timeoutMs: 5000,
      intervalMs: 20,
    });
    expect(forwardingSecrets.peek('ws_g', 'shop/github_webhook')?.secret).toBe('whsec_other');
    expect(cached('ws_f')).toEqual([{}, 'at']);
  });

  it('keeps access tokens when the secret was rotated by the executor storing a refresh token', async () => {
    await fill('ws_c');
    publish(Events.SecretRotated, { workspace_id: 'ws_c', key: 'CRM_REFRESH', version: 3, user_id: OAUTH_REFRESH_ACTOR });
    await waitUntil(() => Promise.resolve(plans.peek('ws_c', 'plan') === undefined), { what: 'the plan to be dropped', timeoutMs: 5000, intervalMs: 20 });
    expect(accessTokens.peek('ws_c', 'token')?.value).toBe('at');
  });

  it('drops the entries of every workspace when the connection drops, and again when it is back', async () => {
    const emptied = (workspaceId: string, what: string): Promise<void> =>
      waitUntil(() => Promise.resolve(cached(workspaceId).every((entry) => entry === undefined)), { what, timeoutMs: 5000, intervalMs: 20 });
    await fill('ws_d');
    await fill('ws_e');
    relay.cut();
    await emptied('ws_d', 'the caches to be dropped on the disconnect');
    expect(cached('ws_e')).toEqual([undefined, undefined]);
    // Filled while cut off, as a load under way could: only the reconnect can drop it, events may have been missed since.
    await fill('ws_d');
    relay.restore();
    await emptied('ws_d', 'the caches to be dropped on the reconnect');
  });
});
