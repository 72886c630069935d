import { ServerNats } from '@nestjs/microservices';

/**
 * NestJS's NATS server looks up each incoming message's handler by trying `JSON.parse` on its subject, in case the
 * pattern is an object. Ours are plain dotted subjects (`Subjects`), so every message paid for a thrown SyntaxError
 * and its stack trace: about 1 % of the action-executor's CPU under load. Only text that could be JSON is parsed.
 */
export class PlainSubjectNatsServer extends ServerNats {
  protected override getRouteFromPattern(pattern: string): string {
    return /^\s*[[{"]/.test(pattern) ? super.getRouteFromPattern(pattern) : this.normalizePattern(pattern);
  }
}
