import { TokenBucketColumns } from '@switchboard/platform';
import { Entity } from 'typeorm';

/**
 * The token bucket of one connection env's rate limit, shared by every executor replica (`ConnectionRateLimiter`),
 * named `<workspace>|<product>|<access tag>|<env>`. Its tokens go below 0 while runs are queued on it. A row whose
 * connection is gone is never read again.
 */
@Entity({ name: 'connection_rate_limit_buckets' })
export class ConnectionRateLimitBucketEntity extends TokenBucketColumns {}
