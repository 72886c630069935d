import { Module } from '@nestjs/common';
import { OpsListener } from './ops-listener.js';

/** A domain service's operations listener; it needs the global ReadinessModule and MetricsModule. */
@Module({ providers: [OpsListener] })
export class OpsModule {}
