import { TokenBucketColumns } from '@switchboard/platform';
import { Entity } from 'typeorm';

/**
 * One token bucket every gateway replica takes from (`SharedTokenBuckets`), named by what it limits (`workspace:<id>`,
 * `key:<id>`). Written only by its one UPSERT; a row whose workspace or user is gone is never read again.
 */
@Entity({ name: 'rate_limit_buckets' })
export class RateLimitBucketEntity extends TokenBucketColumns {}
