import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { FastifyReply } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { AuthenticatedRequest } from '../auth/authenticated-request.js';
import { IS_PUBLIC } from '../auth/public.decorator.js';
import { keyBucketName, RateLimitPolicy } from './rate-limit-policy.js';
import { RateLimiter, SharedBucketsUnavailable, type BucketState, type Verdict } from './rate-limiter.js';

/**
 * Counts every authenticated request against its workspace's bucket and its API key's, after ApiKeyGuard has said
 * who calls: over either, `429 rate_limited` naming that limit, with Retry-After. Every counted answer carries the
 * RateLimit-Limit/-Remaining/-Reset headers of the bucket closer to empty. Public routes (health, sign-in, webhook
 * receipts, which have their own limiter) are not counted. When the database cannot be asked, requests go through
 * uncounted: a rate limit is not worth an outage.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly policy: RateLimitPolicy,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('rate-limits');
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { workspaceId, userId, keyId } = request;
    if (workspaceId === undefined || userId === undefined) throw new Error('RateLimitGuard ran before ApiKeyGuard named the caller');
    const caller = { workspaceId, userId, keyId };
    const limits = this.policy.limitsOf(caller);
    let workspace: Verdict;
    let key: Verdict;
    try {
      [workspace, key] = await Promise.all([this.limiter.take(limits.workspace.bucket, limits.workspace.limit), this.limiter.take(limits.key.bucket, limits.key.limit)]);
    } catch (error) {
      if (!(error instanceof SharedBucketsUnavailable)) this.logger.warn({ err: error }, 'rate limits not counted: the database failed a take');
      return true;
    }
    if (workspace.admitted && !key.admitted) this.limiter.giveBack(limits.workspace.bucket);
    if (key.admitted && !workspace.admitted) this.limiter.giveBack(limits.key.bucket);
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (!workspace.admitted) refuse(reply, workspace, 'workspace', `the workspace ${workspaceId}`);
    if (!key.admitted) refuse(reply, key, 'key', keyBucketName(caller));
    writeHeaders(reply, workspace.state.remaining <= key.state.remaining ? workspace.state : key.state);
    return true;
  }
}

// The names of the IETF httpapi draft "RateLimit header fields for HTTP": the limit is the burst (what may be sent at
// once), the reset the seconds until the bucket is full again.
function writeHeaders(reply: FastifyReply, state: BucketState): void {
  void reply.header('ratelimit-limit', String(state.limit.burst));
  void reply.header('ratelimit-remaining', String(state.remaining));
  void reply.header('ratelimit-reset', String(state.resetSeconds));
}

function refuse(reply: FastifyReply, verdict: Verdict & { admitted: false }, limitName: 'workspace' | 'key', whose: string): never {
  const { limit } = verdict.state;
  writeHeaders(reply, verdict.state);
  void reply.header('retry-after', String(verdict.retryAfterSeconds));
  throw new DomainError(
    ErrorCode.RateLimited,
    `Rate limit of ${whose} exceeded: ${limit.perSecond} requests per second, bursts of ${limit.burst}; retry after ${verdict.retryAfterSeconds} s`,
    { limit: limitName, per_second: limit.perSecond, burst: limit.burst, retry_after_seconds: verdict.retryAfterSeconds },
  );
}
