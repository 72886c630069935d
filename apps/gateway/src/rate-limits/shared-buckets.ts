import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BucketLimit } from './token-bucket.js';

/** What one take from a shared bucket got, and what the bucket holds after it. */
export interface SharedTake {
  taken: number;
  tokensLeft: number;
}

// The bucket's tokens now, refilled on the database's clock so that replicas' clocks never matter: the same
// arithmetic as `refilled`. A take that waited for another's row lock reads a `now()` older than that take's
// `refilled_at`, which counts as no time at all.
const AVAILABLE = `LEAST($3::float8, bucket.tokens + GREATEST(0, EXTRACT(EPOCH FROM now() - bucket.refilled_at)::float8) * $2::float8)`;

// One statement per take, so two replicas taking at once are serialised by the row lock and never both spend a token.
// A new bucket starts full. `last_taken` exists so that RETURNING, which sees only the new row, can say what was taken.
const TAKE_SQL = `
  INSERT INTO gateway.rate_limit_buckets AS bucket (bucket, tokens, refilled_at, last_taken)
  VALUES ($1, $3::float8 - LEAST($4::int, $3::int), now(), LEAST($4::int, $3::int))
  ON CONFLICT (bucket) DO UPDATE SET
    tokens = ${AVAILABLE} - LEAST($4::int, floor(${AVAILABLE})),
    last_taken = LEAST($4::int, floor(${AVAILABLE})),
    refilled_at = GREATEST(bucket.refilled_at, now())
  RETURNING last_taken AS taken, tokens AS tokens_left`;

/** The token buckets every gateway replica shares, one row each in the gateway's schema. */
@Injectable()
export class SharedBuckets {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes up to `want` whole tokens (at most the burst) from the bucket, as many as it holds. */
  async take(bucket: string, limit: BucketLimit, want: number): Promise<SharedTake> {
    const [row] = await this.dataSource.query<{ taken: number; tokens_left: number }[]>(TAKE_SQL, [bucket, limit.perSecond, limit.burst, want]);
    if (!row) throw new Error(`The take from rate-limit bucket ${bucket} returned no row`);
    return { taken: row.taken, tokensLeft: row.tokens_left };
  }
}
