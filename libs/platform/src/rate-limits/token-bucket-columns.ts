import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns of a table of token buckets that {@link SharedTokenBuckets} takes from; each service that keeps buckets
 * declares its own entity (its own schema and table) over them. Written only by its statements.
 */
export abstract class TokenBucketColumns {
  @PrimaryColumn({ type: 'text' })
  bucket!: string;

  /** The tokens left at `refilled_at`, fractions included; below 0 while reservations are queued on the bucket. */
  @Column({ type: 'double precision' })
  tokens!: number;

  @Column({ name: 'refilled_at', type: 'timestamptz' })
  refilledAt!: Date;

  /** What the latest take got, for the statement's RETURNING (which sees only the new row). */
  @Column({ name: 'last_taken', type: 'integer' })
  lastTaken!: number;
}
