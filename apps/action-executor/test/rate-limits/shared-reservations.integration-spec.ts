import { runMigrations, serviceDataSourceOptions, SharedTokenBuckets, type Reservation } from '@switchboard/platform';
import { createTestDatabase, type TestDatabase } from '@switchboard/testing';
import { DataSource } from 'typeorm';
import { actionExecutorDatabase } from '../../src/database/action-executor.database.js';

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
});
