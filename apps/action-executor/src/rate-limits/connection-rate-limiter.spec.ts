import { bucketLimitOf, rateLimitBucketOf } from './connection-rate-limiter.js';

describe('connection rate limits as token buckets', () => {
  it('turns a published limit into a rate per second, its burst the bucket size', () => {
    expect(bucketLimitOf({ requests: 100, per: 'second', burst: 1, max_wait_ms: 1000 })).toEqual({ perSecond: 100, burst: 1 });
    expect(bucketLimitOf({ requests: 120, per: 'minute', burst: 20, max_wait_ms: 0 })).toEqual({ perSecond: 2, burst: 20 });
  });

  it('counts each connection env of each product apart', () => {
    const buckets = new Set([
      rateLimitBucketOf('ws_1', 'shop', 'stripe', 'prd'),
      rateLimitBucketOf('ws_1', 'shop', 'stripe', 'dev'),
      rateLimitBucketOf('ws_1', 'blog', 'stripe', 'prd'),
      rateLimitBucketOf('ws_2', 'shop', 'stripe', 'prd'),
    ]);
    expect(buckets.size).toBe(4);
  });
});
