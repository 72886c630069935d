import { RequestError, TimeoutError, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, isErrorBody, type Subject } from '@switchboard/contracts';
import { DomainError } from '../errors/domain-error.js';
import { withTraceContext } from '../tracing/message-trace-context.js';
import { isTracingOn } from '../tracing/start-tracing.js';
import { callerRoleHeaders } from './caller-role.js';

interface NestReply<T> {
  response?: T;
  err?: unknown;
}

/**
 * Request-reply over NATS in the wire format of `@nestjs/microservices`, using the NATS request
 * API directly so that "nobody is listening" fails at once (503) instead of waiting out the timeout (504).
 */
export class NatsRequester {
  // NestJS only needs a request to carry an id (an event has none); the reply comes back on the request's own inbox.
  private sent = 0;

  constructor(
    private readonly connection: NatsConnection,
    private readonly timeoutMs: number,
  ) {}

  /** Sends one request and resolves with the reply, or throws a {@link DomainError}. */
  async request<T>(subject: Subject, data: object, timeoutMs = this.timeoutMs): Promise<T> {
    const service = subject.slice(0, subject.indexOf('.'));
    const packet = JSON.stringify({ pattern: subject, data, id: String((this.sent += 1)) });
    let answer: Msg;
    try {
      answer = await this.connection.request(subject, packet, { timeout: timeoutMs, headers: outgoingHeaders() });
    } catch (error) {
      throw this.transportFailure(error, service, subject, timeoutMs);
    }
    const reply = answer.json<NestReply<T>>();
    if (reply.err !== undefined && reply.err !== null) {
      if (isErrorBody(reply.err)) throw DomainError.fromBody(reply.err);
      throw new DomainError(ErrorCode.InternalError, `The ${service} service failed to answer ${subject}`, { subject });
    }
    return reply.response as T;
  }

  /** Fire-and-forget to a service's `@EventPattern` handler (one replica of its queue group handles it). */
  emit(subject: Subject, data: object): void {
    this.connection.publish(subject, JSON.stringify({ pattern: subject, data }), { headers: isTracingOn() ? withTraceContext(undefined) : undefined });
  }

  // Transport details (addresses, reasons) stay out of the message: callers see which service, not our network.
  private transportFailure(error: unknown, service: string, subject: string, timeoutMs: number): DomainError {
    if (error instanceof RequestError && error.isNoResponders()) {
      return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service is unavailable`, { service, subject });
    }
    if (error instanceof TimeoutError || (error instanceof Error && error.name === 'TimeoutError')) {
      return new DomainError(ErrorCode.ServiceTimeout, `The ${service} service did not answer within ${timeoutMs} ms`, { service, subject });
    }
    return new DomainError(ErrorCode.ServiceUnavailable, `The ${service} service could not be reached`, { service, subject });
  }
}

// The caller's role (shared headers, built once per role) and, when this service traces, the active trace context.
function outgoingHeaders(): MsgHdrs | undefined {
  return isTracingOn() ? withTraceContext(callerRoleHeaders()) : callerRoleHeaders();
}
