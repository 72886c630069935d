import { context, SpanStatusCode, trace, type Attributes, type Context, type Span, type SpanKind } from '@opentelemetry/api';

const tracer = trace.getTracer('switchboard');

export interface SpanStart {
  kind: SpanKind;
  attributes?: Attributes;
  /** The context the span continues (one extracted from a message); the active one when not given. */
  parent?: Context;
}

/**
 * Runs `work` inside a new span, as the active span of everything it starts, and ends the span when it settles: a
 * throw marks the span failed with the error's name and code only (a message may quote what a caller sent).
 */
export async function inSpan<T>(name: string, start: SpanStart, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = start.parent ?? context.active();
  const span = startSpan(name, { ...start, parent });
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', errorTypeOf(error));
    throw error;
  } finally {
    span.end();
  }
}

/** Starts a span without making it active; the caller ends it (a span whose start and end are separate hooks). */
export function startSpan(name: string, start: SpanStart): Span {
  return tracer.startSpan(name, { kind: start.kind, attributes: start.attributes }, start.parent ?? context.active());
}

/** `error.type` of a failure: a DomainError's code, else the error's class name. */
export function errorTypeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}
