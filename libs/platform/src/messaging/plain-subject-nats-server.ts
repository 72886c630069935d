import type { Msg, MsgHdrs, NatsConnection } from '@nats-io/transport-node';
import { ServerNats, type NatsContext, type OutgoingResponse } from '@nestjs/microservices';
import { toErrorBody } from '../errors/to-error-body.js';
import { replyTooLargeError } from './reply-size.js';

/**
 * NestJS's NATS server looks up each incoming message's handler by trying `JSON.parse` on its subject, in case the
 * pattern is an object. Ours are plain dotted subjects (`Subjects`), so every message paid for a thrown SyntaxError
 * and its stack trace: about 1 % of the action-executor's CPU under load. Only text that could be JSON is parsed.
 *
 * A reply larger than the server's `max_payload` cannot be published: NestJS would log the failure and leave the
 * caller waiting for its timeout. Such a reply is answered with a `replyTooLargeError` instead.
 */
export class PlainSubjectNatsServer extends ServerNats {
  protected override getRouteFromPattern(pattern: string): string {
    return /^\s*[[{"]/.test(pattern) ? super.getRouteFromPattern(pattern) : this.normalizePattern(pattern);
  }

  override getPublisher(natsMsg: Msg, id: string, ctx: NatsContext): (response: OutgoingResponse) => void {
    if (!natsMsg.reply) return super.getPublisher(natsMsg, id, ctx);
    // NestJS's NATS serializer gives the JSON text and the headers a handler set.
    const serialize = (packet: OutgoingResponse): { data: string; headers?: MsgHdrs } => this.serializer.serialize(packet) as { data: string; headers?: MsgHdrs };
    return (response) => {
      const maxPayload = this.unwrap<NatsConnection>().info?.max_payload ?? Infinity;
      let outgoing = serialize({ ...response, id });
      const bytes = Buffer.byteLength(outgoing.data);
      if (bytes > maxPayload) {
        const err = toErrorBody(replyTooLargeError(bytes, maxPayload));
        outgoing = serialize({ id, err, isDisposed: true });
      }
      natsMsg.respond(outgoing.data, { headers: outgoing.headers });
    };
  }
}
