import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { FastifyReply } from 'fastify';
import { Registry } from 'prom-client';
import { Public } from '../auth/public.decorator.js';

/** Injection token of GATEWAY_METRICS_TOKEN: empty, `/metrics` is public. */
export const METRICS_TOKEN = Symbol('METRICS_TOKEN');

/** The gateway's own Prometheus metrics; each domain service serves its own on its operations listener. */
@Public()
@ApiExcludeController()
@Controller()
export class MetricsController {
  readonly #tokenDigest: Buffer | undefined;

  constructor(
    private readonly registry: Registry,
    @Inject(METRICS_TOKEN) token: string,
  ) {
    this.#tokenDigest = token === '' ? undefined : digest(token);
  }

  @Get('metrics')
  async metrics(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    if (this.#tokenDigest !== undefined) this.#assertToken(authorization);
    void reply.header('content-type', this.registry.contentType).header('cache-control', 'no-store');
    return this.registry.metrics();
  }

  #assertToken(authorization: string | undefined): void {
    const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (presented === undefined) throw new DomainError(ErrorCode.Unauthenticated, 'Missing credentials: send Authorization: Bearer <GATEWAY_METRICS_TOKEN>', { missing: ['authorization'] });
    // Digests of equal length, so the comparison takes the same time whatever was sent.
    if (!timingSafeEqual(digest(presented), this.#tokenDigest as Buffer)) throw new DomainError(ErrorCode.Unauthenticated, 'The metrics token is not valid');
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
