import type { DataSource } from 'typeorm';
import type { BucketLimit, Reservation } from './token-bucket.js';

/** What one take from a shared bucket got, and what the bucket holds after it. */
export interface SharedTake {
  taken: number;
  tokensLeft: number;
}

// Parameters of both statements: $1 the bucket, $2 its rate per second, $3 its burst, $4 what the take asks.
// The bucket's tokens now, refilled on the database's clock so that replicas' clocks never matter: the same
// arithmetic as `refilled`. A take that waited for another's row lock reads a `now()` older than that take's
// `refilled_at`, which counts as no time at all.
const AVAILABLE = `LEAST($3::float8, bucket.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - bucket.refilled_at)::float8) * $2::float8)`;

// One statement per take, so two replicas taking at once are serialised by the row lock and never both spend a token.
// A new bucket starts full. `last_taken` exists so that RETURNING, which sees only the new row, can say what was taken.
const takeSql = (table: string): string => `
  INSERT INTO ${table} AS bucket (bucket, tokens, refilled_at, last_taken)
  VALUES ($1, $3::float8 - LEAST($4::int, $3::int), now(), LEAST($4::int, $3::int))
  ON CONFLICT (bucket) DO UPDATE SET
    tokens = ${AVAILABLE} - LEAST($4::int, floor(${AVAILABLE})),
    last_taken = LEAST($4::int, floor(${AVAILABLE})),
    refilled_at = GREATEST(bucket.refilled_at, now())
  RETURNING last_taken AS taken, tokens AS tokens_left`;

// `reserved` in one statement ($4: the longest wait, in seconds). A granted reservation takes its token even before
// it is there, so the bucket goes below 0 and the next one waits behind it; a refused one leaves tokens and
// refilled_at as they were. For a granted one, RETURNING's row is as of `refilled_at` (now, or a moment later when
// another take held the lock), and the bucket's debt there is the wait.
const FITS = `(1 - ${AVAILABLE}) / $2::float8 <= $4::float8`;
const reserveSql = (table: string): string => `
  INSERT INTO ${table} AS bucket (bucket, tokens, refilled_at, last_taken)
  VALUES ($1, $3::float8 - 1, now(), 1)
  ON CONFLICT (bucket) DO UPDATE SET
    tokens = CASE WHEN ${FITS} THEN ${AVAILABLE} - 1 ELSE bucket.tokens END,
    refilled_at = CASE WHEN ${FITS} THEN GREATEST(bucket.refilled_at, now()) ELSE bucket.refilled_at END,
    last_taken = CASE WHEN ${FITS} THEN 1 ELSE 0 END
  RETURNING last_taken = 1 AS granted,
    CASE WHEN last_taken = 1
      THEN GREATEST(0, EXTRACT(EPOCH FROM bucket.refilled_at - now())::float8 + GREATEST(0, -bucket.tokens) / $2::float8)
      ELSE (1 - ${AVAILABLE}) / $2::float8
    END AS wait_seconds`;

/**
 * Token buckets every replica of a service shares, one row each in a table of {@link TokenBucketColumns} in that
 * service's schema. Each take or reservation is one statement, refilled on the database's clock.
 */
export class SharedTokenBuckets {
  readonly #takeSql: string;
  readonly #reserveSql: string;

  /** `table`: schema-qualified, from code (it is written into the statements). */
  constructor(private readonly dataSource: DataSource, table: string) {
    this.#takeSql = takeSql(table);
    this.#reserveSql = reserveSql(table);
  }

  /** Takes up to `want` whole tokens (at most the burst) from the bucket, as many as it holds. */
  async take(bucket: string, limit: BucketLimit, want: number): Promise<SharedTake> {
    const [row] = await this.dataSource.query<{ taken: number; tokens_left: number }[]>(this.#takeSql, [bucket, limit.perSecond, limit.burst, want]);
    if (!row) throw new Error(`The take from rate-limit bucket ${bucket} returned no row`);
    return { taken: row.taken, tokensLeft: row.tokens_left };
  }

  /** Reserves the bucket's next token if it comes within `maxWaitSeconds` (see `reserved`). */
  async reserve(bucket: string, limit: BucketLimit, maxWaitSeconds: number): Promise<Reservation> {
    const [row] = await this.dataSource.query<{ granted: boolean; wait_seconds: number }[]>(this.#reserveSql, [bucket, limit.perSecond, limit.burst, maxWaitSeconds]);
    if (!row) throw new Error(`The reservation from rate-limit bucket ${bucket} returned no row`);
    return row.granted ? { granted: true, waitSeconds: row.wait_seconds } : { granted: false, retryAfterSeconds: row.wait_seconds };
  }
}
