import { runMigrations, serviceDataSourceOptions, SharedTokenBuckets } from '@switchboard/platform';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { gatewayDatabase } from '../../src/database/gateway.database.js';
import { RateLimiter, SharedBucketsUnavailable } from '../../src/rate-limits/rate-limiter.js';

const GATEWAY_BUCKETS = 'gateway.rate_limit_buckets';

describe('shared rate-limit buckets on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let shared: SharedTokenBuckets;
  let bucketCount = 0;
  const newBucket = (): string => `workspace:ws_test_${(bucketCount += 1)}`;
  /** Moves the bucket's last refill back, as if that much time had passed on the database's clock. */
  const age = (bucket: string, seconds: number): Promise<unknown> =>
    dataSource.query(`UPDATE gateway.rate_limit_buckets SET refilled_at = refilled_at - make_interval(secs => $2) WHERE bucket = $1`, [bucket, seconds]);

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = serviceDataSourceOptions(database.url, gatewayDatabase);
    await runMigrations(options);
    dataSource = await new DataSource(options).initialize();
    shared = new SharedTokenBuckets(dataSource, GATEWAY_BUCKETS);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('starts a bucket full and takes what is asked while it lasts, never a fraction', async () => {
    const bucket = newBucket();
    const limit = { perSecond: 1, burst: 5 };
    expect(await shared.take(bucket, limit, 3)).toEqual({ taken: 3, tokensLeft: 2 });
    expect((await shared.take(bucket, limit, 3)).taken).toBe(2);
    expect((await shared.take(bucket, limit, 1)).taken).toBe(0);
  });

  it("refills at the rate on the database's clock, up to the burst", async () => {
    const bucket = newBucket();
    const limit = { perSecond: 2, burst: 4 };
    await shared.take(bucket, limit, 4);
    await age(bucket, 1.25);
    const afterRefill = await shared.take(bucket, limit, 4);
    expect(afterRefill.taken).toBe(2);
    expect(afterRefill.tokensLeft).toBeGreaterThanOrEqual(0.5);
    expect(afterRefill.tokensLeft).toBeLessThan(0.6);
    await age(bucket, 3600);
    expect((await shared.take(bucket, limit, 10)).taken).toBe(4);
  });

  it('never spends a token twice when many take at once', async () => {
    const bucket = newBucket();
    const limit = { perSecond: 1, burst: 50 };
    const takes = await Promise.all(Array.from({ length: 40 }, () => shared.take(bucket, limit, 3)));
    expect(takes.reduce((sum, take) => sum + take.taken, 0)).toBe(50);
  });

  /** The SQL statements `work` sent, in order. */
  async function queriesDuring(work: () => Promise<void>): Promise<string[]> {
    const queries: string[] = [];
    const query = dataSource.query.bind(dataSource);
    dataSource.query = ((sql: string, parameters?: unknown[]) => {
      queries.push(sql);
      return query(sql, parameters);
    }) as typeof dataSource.query;
    try {
      await work();
    } finally {
      dataSource.query = query;
    }
    return queries;
  }

  it('lets two limiters (two replicas) through no more than the burst together, and refuses from memory once empty', async () => {
    const bucket = newBucket();
    const limit = { perSecond: 1, burst: 6 };
    const replicas = [new RateLimiter(shared), new RateLimiter(shared)];
    const verdicts = await Promise.all(Array.from({ length: 10 }, (_, i) => replicas[i % 2].take(bucket, limit)));
    expect(verdicts.filter((verdict) => verdict.admitted)).toHaveLength(6);
    const refused = verdicts.find((verdict) => !verdict.admitted);
    expect(refused).toMatchObject({ retryAfterSeconds: 1, state: { remaining: 0, resetSeconds: 6 } });

    // A replica whose last take left tokens asks once more, and learns the bucket is empty.
    for (const replica of replicas) expect((await replica.take(bucket, limit)).admitted).toBe(false);
    const queries = await queriesDuring(async () => {
      for (const replica of replicas) expect((await replica.take(bucket, limit)).admitted).toBe(false);
    });
    expect(queries).toEqual([]);
  });

  it('takes a few tokens at a time at high rates, so most requests cost no round trip', async () => {
    const bucket = newBucket();
    const limiter = new RateLimiter(shared);
    const limit = { perSecond: 1000, burst: 2000 };
    const queries = await queriesDuring(async () => {
      for (let i = 0; i < 25; i += 1) expect((await limiter.take(bucket, limit)).admitted).toBe(true);
    });
    // Takes of 10 at a time (allowanceSize of 1000/s): three round trips for 25 requests. Counted, not read off the
    // tokens left, which a slow machine refills meanwhile.
    expect(queries).toHaveLength(3);
    const [row] = await dataSource.query<{ tokens: number }[]>(`SELECT tokens FROM gateway.rate_limit_buckets WHERE bucket = $1`, [bucket]);
    expect(row.tokens).toBeGreaterThanOrEqual(1970);
  });

  it('fails a take the database cannot answer, then fails at once for a second without asking it', async () => {
    const closed = await new DataSource(serviceDataSourceOptions(database.url, gatewayDatabase)).initialize();
    await closed.destroy();
    const limiter = new RateLimiter(new SharedTokenBuckets(closed, GATEWAY_BUCKETS));
    const limit = { perSecond: 1, burst: 5 };
    const first = await limiter.take(newBucket(), limit).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(Error);
    expect(first).not.toBeInstanceOf(SharedBucketsUnavailable);
    await expect(limiter.take(newBucket(), limit)).rejects.toBeInstanceOf(SharedBucketsUnavailable);
  });

  it('measures a take (the round trip a request pays when its allowance is spent)', async () => {
    const bucket = newBucket();
    const limit = { perSecond: 1_000_000, burst: 1_000_000 };
    for (let i = 0; i < 50; i += 1) await shared.take(bucket, limit, 1);
    const rounds = 500;
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) await shared.take(bucket, limit, 1);
    const perTakeMs = (performance.now() - started) / rounds;
    process.stderr.write(`one shared take: ${perTakeMs.toFixed(3)} ms on average over ${rounds}\n`);
    expect(perTakeMs).toBeLessThan(50);
  });
});
