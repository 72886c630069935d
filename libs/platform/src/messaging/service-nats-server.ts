import type { Msg, NatsConnection } from '@nats-io/transport-node';
import { NatsContext, ServerNats, type IncomingRequest } from '@nestjs/microservices';
import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { CALLER_ROLE_HEADER, ErrorCode, isErrorBody } from '@switchboard/contracts';
import type { PinoLogger } from 'nestjs-pino';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants.js';
import { isObservable, lastValueFrom } from 'rxjs';
import { toErrorBody } from '../errors/to-error-body.js';
import { traceContextOf } from '../tracing/message-trace-context.js';
import { isTracingOn } from '../tracing/start-tracing.js';
import { errorTypeOf, inSpan } from '../tracing/traced.js';
import { roleRefusal } from './caller-role.js';
import { replyTooLargeError } from './reply-size.js';

/** A reply in the wire format of `@nestjs/microservices`, which NatsRequester reads. */
type Reply = { response: unknown } | { err: unknown };

const encoder = new TextEncoder();

/**
 * The transport strategy every service answers NATS with: NestJS's NATS server, with the request path taken out of
 * its rxjs machinery, since every handler of ours answers once (a value or a promise, never a stream).
 *
 * - A request is decoded once, handed to its handler (pipes, guards and the exception filter still apply: they are
 *   Nest's handler wrapper, not the transport's), and answered with one JSON text encoded once. NestJS instead
 *   wraps each result in an Observable, schedules its reply on the next tick and builds a record to serialise it;
 *   under load that was a tenth of the action-executor's CPU, beside the interceptor that logged each message.
 * - Each message is logged here: `message handled` at debug (nothing is built when debug is off), `message refused`
 *   at info with its code. Failures are logged by RpcErrorFilter, which still holds the error.
 * - Handlers are found by their subject without trying `JSON.parse` on it (NestJS's lookup, in case a pattern is
 *   an object), which cost every message a thrown SyntaxError.
 * - A request the gateway sent for a member whose role does not cover its subject (SUBJECT_ROLES) is refused before
 *   its handler runs, so a route that forgot its own check still cannot act beyond the caller's role.
 * - A reply larger than the server's `max_payload` cannot be published: NestJS would log the failure and leave the
 *   caller waiting for its timeout. Such a reply is answered with a `replyTooLargeError` instead.
 *
 * - When the service traces, each message, events too, is handled in a span continuing the trace context of its
 *   headers (see NatsRequester), named by its subject; a request answered with an error marks it failed with the
 *   error's code alone.
 *
 * Events (no reply expected) keep NestJS's own path.
 */
export class ServiceNatsServer extends ServerNats {
  private log: PinoLogger | undefined;

  /** Where each message is logged; set once the application (and its logger) exists. */
  useMessageLog(log: PinoLogger): void {
    log.setContext('messages');
    this.log = log;
  }

  protected override getRouteFromPattern(pattern: string): string {
    return /^\s*[[{"]/.test(pattern) ? super.getRouteFromPattern(pattern) : this.normalizePattern(pattern);
  }

  override handleMessage(channel: string, natsMsg: Msg): Promise<void> {
    if (!isTracingOn()) return this.handleUntraced(channel, natsMsg);
    const kind = natsMsg.reply ? SpanKind.SERVER : SpanKind.CONSUMER;
    return inSpan(channel, { kind, parent: traceContextOf(natsMsg.headers), attributes: messageAttributes(channel) }, (span) => this.handleUntraced(channel, natsMsg, span));
  }

  private async handleUntraced(channel: string, natsMsg: Msg, span?: Span): Promise<void> {
    const context = new NatsContext([natsMsg.subject, natsMsg.headers]);
    const message = (await this.deserializer.deserialize(natsMsg, { channel, replyTo: natsMsg.reply })) as IncomingRequest;
    if (message.id === undefined) {
      await this.handleEvent(channel, message, context);
      return;
    }
    const handler = this.getHandlerByPattern(channel);
    if (!handler) return this.reply(natsMsg, message.id, { err: NO_MESSAGE_HANDLER });
    const refusal = roleRefusal(channel, natsMsg.headers?.get(CALLER_ROLE_HEADER));
    if (refusal) {
      if (span !== undefined) markFailed(span, refusal);
      return this.reply(natsMsg, message.id, { err: toErrorBody(refusal) });
    }
    const started = performance.now();
    return this.runWithProcessingHooks(context, async (end) => {
      try {
        const reply = await settle(await handler(message.data, context));
        this.reply(natsMsg, message.id, reply);
        if (span !== undefined && 'err' in reply) markFailed(span, reply.err);
        this.logOutcome(channel, message.data, reply, started);
      } finally {
        end();
      }
    });
  }

  private reply(natsMsg: Msg, id: string, reply: Reply): void {
    // A request sent without a reply subject is still handled, as NestJS does; only its answer goes nowhere.
    if (!natsMsg.reply) return;
    let bytes = encoder.encode(JSON.stringify({ id, ...reply, isDisposed: true }));
    const maxPayload = this.unwrap<NatsConnection>().info?.max_payload ?? Infinity;
    if (bytes.byteLength > maxPayload) {
      const err = toErrorBody(replyTooLargeError(bytes.byteLength, maxPayload));
      bytes = encoder.encode(JSON.stringify({ id, err, isDisposed: true }));
    }
    natsMsg.respond(bytes);
  }

  private logOutcome(subject: string, data: unknown, reply: Reply, started: number): void {
    const log = this.log;
    if (!log) return;
    if ('response' in reply) {
      if (log.logger.isLevelEnabled('debug')) log.debug({ subject, workspace_id: workspaceOf(data), duration_ms: elapsedSince(started) }, 'message handled');
      return;
    }
    const code = isErrorBody(reply.err) ? reply.err.code : undefined;
    if (code !== ErrorCode.InternalError && log.logger.isLevelEnabled('info')) {
      log.info({ subject, workspace_id: workspaceOf(data), duration_ms: elapsedSince(started), code }, 'message refused');
    }
  }
}

// A handler's result, or the error its exception filter turned a throw into (an Observable that fails with it).
async function settle(result: unknown): Promise<Reply> {
  if (!isObservable(result)) return { response: result };
  try {
    return { response: await lastValueFrom(result, { defaultValue: undefined }) };
  } catch (err) {
    return { err };
  }
}

function messageAttributes(subject: string): Record<string, string> {
  return { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.operation.type': 'process' };
}

function markFailed(span: Span, err: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', errorTypeOf(err));
}

function workspaceOf(data: unknown): string | undefined {
  const workspace = (data as { workspace_id?: unknown } | undefined)?.workspace_id;
  return typeof workspace === 'string' ? workspace : undefined;
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
