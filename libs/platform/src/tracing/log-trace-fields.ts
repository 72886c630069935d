import { trace } from '@opentelemetry/api';

/** `trace_id` and `span_id` of the active span, for a log line written inside it; nothing outside a span. */
export function activeTraceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (span === undefined) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
