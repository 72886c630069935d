import { headers, type MsgHdrs } from '@nats-io/transport-node';
import { context, propagation, ROOT_CONTEXT, type Context, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';

const headerSetter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

// NATS answers '' for a header it does not have; the propagators expect undefined.
const headerGetter: TextMapGetter<MsgHdrs | undefined> = {
  get: (carrier, key) => carrier?.get(key) || undefined,
  keys: (carrier) => carrier?.keys() ?? [],
};

/**
 * The headers of a message sent now: `base` (which may be shared, so it is copied, never changed) plus the W3C trace
 * context of the active span (`traceparent`, `tracestate`), so the service handling it continues the same trace.
 */
export function withTraceContext(base: MsgHdrs | undefined): MsgHdrs {
  const stamped = headers();
  if (base !== undefined) for (const [name, values] of base) for (const value of values) stamped.append(name, value);
  propagation.inject(context.active(), stamped, headerSetter);
  return stamped;
}

/** The trace context a message arrived with, or the root context (a new trace) when it carries none. */
export function traceContextOf(received: MsgHdrs | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, received, headerGetter);
}
