import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One token bucket every gateway replica takes from (`SharedBuckets`), named by what it limits (`workspace:<id>`,
 * `key:<id>`). Written only by its one UPSERT; a row whose workspace or user is gone is never read again.
 */
@Entity({ name: 'rate_limit_buckets' })
export class RateLimitBucketEntity {
  @PrimaryColumn({ type: 'text' })
  bucket!: string;

  /** The tokens left at `refilled_at`, fractions included. */
  @Column({ type: 'double precision' })
  tokens!: number;

  @Column({ name: 'refilled_at', type: 'timestamptz' })
  refilledAt!: Date;

  /** What the latest take got, for the UPSERT's RETURNING (which sees only the new row). */
  @Column({ name: 'last_taken', type: 'integer' })
  lastTaken!: number;
}
