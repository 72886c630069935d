import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { TracingConfig } from './tracing.config.js';
import { tracingRequested } from './tracing-switch.js';

// A collector that does not answer must not hold a stopping service past its orchestrator's patience.
const SHUTDOWN_EXPORT_LIMIT_MS = 3000;

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry tracing for one service, before NestJS, when its settings ask for it (`tracingRequested`).
 * Off, the SDK is not even loaded (about 300 ms and 45 MB of a process's memory: its exporters bring gRPC and
 * protobuf), nothing is set in the API's globals, and every traced path of the platform takes its untraced branch.
 *
 * Only traces: metrics stay Prometheus's (`/metrics`) and logs stay JSON lines on stdout, so the SDK is given no metric
 * reader and no log processor. No auto-instrumentation either: the spans are the platform's own (the gateway's
 * request, each NATS message handled, each JetStream delivery, each outbound call), whose attributes are chosen
 * so that no header, query or body of a run, where secrets travel, can reach a span.
 */
export async function startTracing(service: string, config: TracingConfig, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (sdk !== undefined || !tracingRequested(config)) return;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  sdk = new NodeSDK({
    // OTEL_SERVICE_NAME, when set, names the service instead (the SDK's environment detector reads it).
    serviceName: env.OTEL_SERVICE_NAME?.trim() ? undefined : service,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
}

/** Whether this process traces: {@link startTracing} started the SDK. */
export function isTracingOn(): boolean {
  return sdk !== undefined;
}

/** Exports the spans still buffered (for a few seconds at most) and stops the SDK, once the service has stopped working. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  if (running === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_EXPORT_LIMIT_MS)));
  await Promise.race([running.shutdown(), limit]);
  clearTimeout(timer);
}
