import type { TracingConfig } from './tracing.config.js';

/** The settings {@link tracingRequested} reads. */
export type TracingSwitch = Pick<TracingConfig, 'OTEL_SDK_DISABLED' | 'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>;

/**
 * Whether the settings ask for traces. The SDK on its own would export to localhost:4318 whenever it runs, so
 * tracing is off unless something names where spans go: an exporter other than `none`, or an OTLP endpoint.
 * `OTEL_SDK_DISABLED=true` turns it off whatever else is set, as it does for the SDK.
 */
export function tracingRequested(settings: TracingSwitch): boolean {
  if (settings.OTEL_SDK_DISABLED === 'true') return false;
  if (settings.OTEL_TRACES_EXPORTER !== '') return settings.OTEL_TRACES_EXPORTER !== 'none';
  return settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== '' || settings.OTEL_EXPORTER_OTLP_ENDPOINT !== '';
}
