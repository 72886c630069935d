import { Global, Module, type DynamicModule } from '@nestjs/common';
import { Registry } from 'prom-client';
import { metricsRegistryFor } from './metrics-registry.js';

/** Makes the process's Prometheus {@link Registry} injectable everywhere, so each feature registers its own metrics. */
@Global()
@Module({})
export class MetricsModule {
  static forService(service: string): DynamicModule {
    return { module: MetricsModule, providers: [{ provide: Registry, useValue: metricsRegistryFor(service) }], exports: [Registry] };
  }
}
