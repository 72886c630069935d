import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's Prometheus registry: Node's own metrics (CPU, memory, event-loop lag, GC, handles) with every series
 * labelled by `service`, and whatever the features register on it. Injected by its class.
 */
export function metricsRegistryFor(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
