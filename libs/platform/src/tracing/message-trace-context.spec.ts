import { headers } from '@nats-io/transport-node';
import { context, propagation, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { traceContextOf, withTraceContext } from './message-trace-context.js';

const sent: SpanContext = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED };

describe('trace context in NATS headers', () => {
  // What the SDK registers when a service traces.
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterAll(() => {
    propagation.disable();
    context.disable();
  });

  const insideSentSpan = <T>(work: () => T): T => context.with(trace.setSpanContext(context.active(), sent), work);

  it('stamps the active span as a W3C traceparent', () => {
    expect(insideSentSpan(() => withTraceContext(undefined)).get('traceparent')).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  });

  it('keeps the headers it was given and never changes them, since they may be shared', () => {
    const shared = headers();
    shared.set('switchboard-caller-role', 'viewer');
    const stamped = insideSentSpan(() => withTraceContext(shared));
    expect(stamped.get('switchboard-caller-role')).toBe('viewer');
    expect(stamped.get('traceparent')).not.toBe('');
    expect(shared.has('traceparent')).toBe(false);
  });

  it('stamps nothing outside a span', () => {
    expect(withTraceContext(undefined).has('traceparent')).toBe(false);
  });

  it('continues the trace a message arrived with, as a remote parent', () => {
    const received = trace.getSpanContext(traceContextOf(insideSentSpan(() => withTraceContext(undefined))));
    expect(received).toEqual({ ...sent, isRemote: true });
  });

  it.each([
    ['no headers', undefined],
    ['headers without a trace', headers()],
    ['a malformed traceparent', (() => {
      const malformed = headers();
      malformed.set('traceparent', '00-not-a-trace-01');
      return malformed;
    })()],
  ])('starts a new trace for a message with %s', (_case, received) => {
    expect(trace.getSpanContext(traceContextOf(received))).toBeUndefined();
  });
});
