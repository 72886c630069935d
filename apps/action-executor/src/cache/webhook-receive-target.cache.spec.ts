import type { WebhookReceiveTarget } from '@switchboard/contracts';
import { WebhookReceiveTargetCache } from './webhook-receive-target.cache.js';

const target =
  (workspaceId: string, receiveId: string): (() => Promise<WebhookReceiveTarget>) =>
  () =>
    Promise.resolve({
      workspace_id: workspaceId,
      product: 'shop',
      webhook: 'orders',
      env: 'prd',
      receive_id: receiveId,
      scheme: 'github',
      signing_secret: '$Token{GITHUB_WEBHOOK_SECRET}',
      signing_secret_key: 'GITHUB_WEBHOOK_SECRET',
      app: null,
      app_tag: null,
      tolerance_seconds: 300,
      hmac: null,
      forward_url: null,
    });

describe('WebhookReceiveTargetCache', () => {
  it('counts hits, misses, evictions for room and invalidations of a workspace', async () => {
    const cache = new WebhookReceiveTargetCache(60_000, 2);
    await cache.getOrLoad('whk_1', target('ws1', 'whk_1'));
    await cache.getOrLoad('whk_1', target('ws1', 'whk_1'));
    await cache.getOrLoad('whk_2', target('ws2', 'whk_2'));
    await cache.getOrLoad('whk_3', target('ws2', 'whk_3'));
    cache.invalidateWorkspace('ws2');
    expect(cache.stats()).toEqual({ hits: 1, misses: 3, evictions: 1, expirations: 0, invalidations: 2, size: 0, max_entries: 2 });
  });
});
