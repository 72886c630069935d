import { Module } from '@nestjs/common';
import { StreamMetrics } from './stream-metrics.js';

/** One {@link StreamMetrics} for every stream the executor pulls. */
@Module({ providers: [StreamMetrics], exports: [StreamMetrics] })
export class StreamMetricsModule {}
