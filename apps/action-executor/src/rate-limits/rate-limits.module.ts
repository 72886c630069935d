import { Module } from '@nestjs/common';
import { SharedTokenBuckets } from '@switchboard/platform';
import { DataSource } from 'typeorm';
import { ConnectionRateLimiter } from './connection-rate-limiter.js';

/** Connections' rate limits, kept together by every executor replica in the executors' database. */
@Module({
  providers: [
    { provide: SharedTokenBuckets, inject: [DataSource], useFactory: (dataSource: DataSource) => new SharedTokenBuckets(dataSource, 'action_executor.connection_rate_limit_buckets') },
    ConnectionRateLimiter,
  ],
  exports: [ConnectionRateLimiter],
})
export class RateLimitsModule {}
