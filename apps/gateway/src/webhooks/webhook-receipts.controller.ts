import { Controller, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  Subjects,
  WEBHOOK_RECEIVE_ID_PATTERN,
  WEBHOOK_RECEIVE_NOT_FOUND_MESSAGE,
  type WebhookReceiptReply,
  type WebhookReceiptRequest,
} from '@switchboard/contracts';
import { DomainError, NatsRequester } from '@switchboard/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/public.decorator.js';
import { GATEWAY_PUBLIC_URL, publicBaseUrlOf } from '../http/public-base-url.js';
import { ReceiptRateLimiter } from './receipt-rate-limiter.js';
import { rawBodyOf } from './webhook-bodies.js';

/**
 * Where third parties post webhooks: no credentials (the signature is checked by the executor), outside /v1, any
 * content type kept as raw bytes. The gateway only routes: the executor's answer, given once the event is stored, is
 * the sender's.
 */
@Public()
@ApiTags('webhooks')
@Controller('hooks')
export class WebhookReceiptsController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly rateLimiter: ReceiptRateLimiter,
    @Inject(GATEWAY_PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  @Post(':receive_id')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "A webhook's receive URL (one per webhook and env): verified with the webhook's scheme and signing secret, stored, then forwarded signed with Standard Webhooks. 200 only once stored; 401 for a bad signature, stale timestamp or unusable secret; 404 for an unknown id; 413 over WEBHOOK_BODY_LIMIT_BYTES; 429 over the webhook's rate",
  })
  async receive(
    @Param('receive_id') receiveId: string,
    // Declared so that any query passes: it is part of the URL the sender signed (Twilio adds bodySHA256), read from
    // request.url; the executor checks it with the signature.
    @Query() _signedQuery: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookReceiptReply> {
    // Malformed ids are answered here with the same 404 as unknown ones, and take no rate-limit bucket.
    if (!WEBHOOK_RECEIVE_ID_PATTERN.test(receiveId)) throw new DomainError(ErrorCode.WebhookNotFound, WEBHOOK_RECEIVE_NOT_FOUND_MESSAGE, {});
    const waitSeconds = this.rateLimiter.take(receiveId);
    if (waitSeconds > 0) {
      void reply.header('retry-after', String(waitSeconds));
      throw new DomainError(ErrorCode.WebhookRateLimited, `Too many requests to this receive URL: retry after ${waitSeconds} s`, { retry_after_seconds: waitSeconds });
    }
    const receipt: WebhookReceiptRequest = {
      receive_id: receiveId,
      // As the sender saw it: Twilio signs the whole URL, query string included.
      url: `${publicBaseUrlOf(this.publicUrl, request)}${request.url}`,
      headers: flatHeadersOf(request),
      body_base64: rawBodyOf(request).toString('base64'),
    };
    return this.nats.request(Subjects.ExecutorWebhookReceive, receipt);
  }
}

function flatHeadersOf(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
