import { ErrorCode } from '@switchboard/contracts';
import { DomainError, runMigrations, serviceDataSourceOptions, SharedTokenBuckets, type Reservation } from '@switchboard/platform';
import { createTestDatabase, rejectionOf, type TestDatabase } from '@switchboard/testing';
import type { PinoLogger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { actionExecutorDatabase } from '../../src/database/action-executor.database.js';
import { ConnectionRateLimiter, rateLimitBucketOf, type RunRateLimit } from '../../src/rate-limits/connection-rate-limiter.js';

const TABLE = 'action_executor.connection_rate_limit_buckets';

const waitOf = (reservation: Reservation): number => (reservation.granted ? reservation.waitSeconds : Number.NaN);
const retryAfterOf = (reservation: Reservation): number => (reservation.granted ? Number.NaN : reservation.retryAfterSeconds);

describe("connection rate-limit reservations on PostgreSQL, from two executors' pools", () => {
  let database: TestDatabase;
  const pools: DataSource[] = [];
  let replicas: SharedTokenBuckets[];
  let bucketCount = 0;
  const newBucket = (): string => `ws_test|shop|stripe|prd-${(bucketCount += 1)}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = serviceDataSourceOptions(database.url, actionExecutorDatabase);
    await runMigrations(options);
    for (let i = 0; i < 2; i += 1) pools.push(await new DataSource(options).initialize());
    replicas = pools.map((pool) => new SharedTokenBuckets(pool, TABLE));
  });

  afterAll(async () => {
    for (const pool of pools) await pool.destroy();
    await database?.drop();
  });

  it('grants the first at once, queues the next behind it one interval apart, and refuses one past the longest wait', async () => {
    const bucket = newBucket();
    // One per second, one at a time; a run waits at most 2.5 s. Slow enough that the statements' own time hardly counts.
    const limit = { perSecond: 1, burst: 1 };
    const [first, second, third, fourth] = [
      await replicas[0].reserve(bucket, limit, 2.5),
      await replicas[1].reserve(bucket, limit, 2.5),
      await replicas[0].reserve(bucket, limit, 2.5),
      await replicas[1].reserve(bucket, limit, 2.5),
    ];
    expect(first).toEqual({ granted: true, waitSeconds: 0 });
    // Each later statement runs a little later on the database's clock, so its wait is a little shorter.
    expect(waitOf(second)).toBeGreaterThan(0.5);
    expect(waitOf(second)).toBeLessThanOrEqual(1);
    expect(waitOf(third)).toBeGreaterThan(1.5);
    expect(waitOf(third)).toBeLessThanOrEqual(2);
    expect(fourth.granted).toBe(false);
    expect(retryAfterOf(fourth)).toBeGreaterThan(2.5);
    expect(retryAfterOf(fourth)).toBeLessThanOrEqual(3);
  });

  it('refuses at once with a max wait of 0, without moving the queue', async () => {
    const bucket = newBucket();
    const limit = { perSecond: 1, burst: 2 };
    expect((await replicas[0].reserve(bucket, limit, 0)).granted).toBe(true);
    expect((await replicas[1].reserve(bucket, limit, 0)).granted).toBe(true);
    const refusals = await Promise.all([replicas[0].reserve(bucket, limit, 0), replicas[1].reserve(bucket, limit, 0)]);
    expect(refusals.map((refusal) => refusal.granted)).toEqual([false, false]);
    // Refusals took nothing: the bucket still says the next token is about a second away.
    for (const refusal of refusals) expect(retryAfterOf(refusal)).toBeGreaterThan(0.5);
  });

  it('hands out every turn once, in a row of distinct slots, however many replicas ask at once', async () => {
    const bucket = newBucket();
    // 2 per second: a slot every 500 ms, a burst of 2, and 5 s of queue: 2 + 10 granted at once, one more per 500 ms
    // the 40 statements take to pass the row lock.
    const limit = { perSecond: 2, burst: 2 };
    const reservations = await Promise.all(Array.from({ length: 40 }, (_, i) => replicas[i % 2].reserve(bucket, limit, 5)));
    const waits = reservations.filter((reservation) => reservation.granted).map(waitOf).sort((a, b) => a - b);
    expect(waits.length).toBeGreaterThanOrEqual(12);
    expect(waits.length).toBeLessThanOrEqual(14);
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    // Every later grant is its own slot, after the one before it.
    for (let i = 3; i < waits.length; i += 1) expect(waits[i] - waits[i - 1]).toBeGreaterThan(0);
    expect(waits.at(-1)).toBeLessThanOrEqual(5);
    for (const refused of reservations.filter((reservation) => !reservation.granted)) expect(retryAfterOf(refused)).toBeGreaterThan(5);
  });

  describe('ConnectionRateLimiter', () => {
    const warnings: unknown[] = [];
    // Only setContext and warn are called; a full PinoLogger needs a pino instance this test has no use for.
    const logger = { setContext: () => undefined, warn: (entry: unknown) => warnings.push(entry) } as unknown as PinoLogger;
    const counted = async (registry: Registry): Promise<Record<string, number>> =>
      Object.fromEntries(
        ((await registry.getSingleMetric('switchboard_connection_rate_limited_runs_total')?.get())?.values ?? []).map((value) => [String(value.labels.outcome), value.value]),
      );
    const limitOf = (maxWaitMs: number): RunRateLimit => ({
      limit: { requests: 30, per: 'minute', burst: 1, max_wait_ms: maxWaitMs },
      source: 'connection',
      bucket: rateLimitBucketOf('ws_test', 'shop', 'stripe', `limiter-${(bucketCount += 1)}`),
    });

    it('lets the first run go at once, makes the next wait its turn, and refuses one past the wait, counting each', async () => {
      const registry = new Registry();
      const limiter = new ConnectionRateLimiter(replicas[0], logger, registry);
      const rateLimit = limitOf(3000);
      await limiter.awaitTurn('stripe', 'prd', rateLimit);
      const startedAt = performance.now();
      await limiter.awaitTurn('stripe', 'prd', rateLimit);
      // Waited out its turn, two seconds after the first less the time the first statement took (far less than one).
      expect(performance.now() - startedAt).toBeGreaterThan(1000);
      const refusal = await rejectionOf(limiter.awaitTurn('stripe', 'prd', { ...rateLimit, limit: { ...rateLimit.limit, max_wait_ms: 0 } }), DomainError);
      const { code, details } = refusal.toBody();
      expect(code).toBe(ErrorCode.ConnectionRateLimited);
      expect(details).toMatchObject({ access_tag: 'stripe', env: 'prd', source: 'connection', rate_limit: { requests: 30, per: 'minute' } });
      expect(details.retry_after_ms).toBeGreaterThan(0);
      expect(details.retry_after_ms).toBeLessThanOrEqual(2000);
      expect(await counted(registry)).toEqual({ delayed: 1, refused: 1 });
    });

    it('gives a repeated attempt its wait for a turn, or false past the wait, never a 429, counting the dropped one', async () => {
      const registry = new Registry();
      const limiter = new ConnectionRateLimiter(replicas[0], logger, registry);
      const rateLimit = limitOf(3000);
      await expect(limiter.retryTurn('stripe', 'prd', rateLimit)).resolves.toBe(0);
      const turnMs = await limiter.retryTurn('stripe', 'prd', rateLimit);
      expect(turnMs).toBeGreaterThan(1000);
      expect(turnMs).toBeLessThanOrEqual(2000);
      await expect(limiter.retryTurn('stripe', 'prd', { ...rateLimit, limit: { ...rateLimit.limit, max_wait_ms: 0 } })).resolves.toBe(false);
      await expect(limiter.retryTurn('stripe', 'prd', undefined)).resolves.toBe(0);
      expect(await counted(registry)).toEqual({ delayed: 1, retry_dropped: 1 });
    });

    it('lets runs go uncounted while the database fails, asking it once a second and warning once', async () => {
      const closed = await new DataSource(serviceDataSourceOptions(database.url, actionExecutorDatabase)).initialize();
      await closed.destroy();
      const registry = new Registry();
      const limiter = new ConnectionRateLimiter(new SharedTokenBuckets(closed, TABLE), logger, registry);
      warnings.length = 0;
      for (let i = 0; i < 3; i += 1) await limiter.awaitTurn('stripe', 'prd', limitOf(0));
      await expect(limiter.retryTurn('stripe', 'prd', limitOf(0))).resolves.toBe(0);
      expect(await counted(registry)).toEqual({ unchecked: 4 });
      expect(warnings).toHaveLength(1);
    });

    it('never asks the database for a connection without a limit', async () => {
      const closed = await new DataSource(serviceDataSourceOptions(database.url, actionExecutorDatabase)).initialize();
      await closed.destroy();
      const registry = new Registry();
      await new ConnectionRateLimiter(new SharedTokenBuckets(closed, TABLE), logger, registry).awaitTurn('stripe', 'prd', undefined);
      expect(await counted(registry)).toEqual({});
    });
  });
});
