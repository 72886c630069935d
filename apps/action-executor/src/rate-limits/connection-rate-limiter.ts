import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { ErrorCode, type RateLimitPeriod, type RateLimitView } from '@switchboard/contracts';
import { DomainError, SharedTokenBuckets, type BucketLimit } from '@switchboard/platform';
import { PinoLogger } from 'nestjs-pino';
import { Counter, Registry } from 'prom-client';

/** The rate limit a run's connection env goes by, and the bucket every executor replica counts it in. */
export interface RunRateLimit {
  limit: RateLimitView;
  /** Whose limit it is: the connection env's own, or its app's. */
  source: 'connection' | 'app';
  bucket: string;
}

const PERIOD_SECONDS: Record<RateLimitPeriod, number> = { second: 1, minute: 60 };

// After the database failed a reservation, how long runs go uncounted without asking it again (and logging again).
const UNAVAILABLE_MS = 1000;

/** A published limit as a token bucket: `requests` per period become a rate per second, `burst` its size. */
export function bucketLimitOf(limit: RateLimitView): BucketLimit {
  return { perSecond: limit.requests / PERIOD_SECONDS[limit.per], burst: limit.burst };
}

/** The bucket of one connection env: access tags are unique per product, and each env has its own credentials. */
export function rateLimitBucketOf(workspaceId: string, product: string, accessTag: string, env: string): string {
  return `${workspaceId}|${product}|${accessTag}|${env}`;
}

/**
 * Keeps runs of a connection env within its rate limit across every executor replica, before the outbound call: one
 * reservation in the executors' shared bucket table (`SharedTokenBuckets`, the gateway's statement's sibling) per
 * request sent, each repeated attempt included, so the database's row lock orders the replicas' runs and its clock
 * spaces them. A run whose turn comes within the limit's `max_wait_ms` waits for it here; one whose turn is further
 * off is refused with `429 connection_rate_limited` and never sent, and a repeat without a turn is dropped. When the database fails a reservation, runs go ahead uncounted for a
 * second without asking it, as the gateway's limits do: the provider still refuses what is too much, and a limit is
 * not worth an outage.
 */
@Injectable()
export class ConnectionRateLimiter {
  readonly #limited: Counter<'outcome'>;
  #unavailableUntil = -Infinity;

  constructor(
    private readonly buckets: SharedTokenBuckets,
    private readonly logger: PinoLogger,
    registry: Registry,
  ) {
    logger.setContext('connection-rate-limits');
    this.#limited = new Counter({
      name: 'switchboard_connection_rate_limited_runs_total',
      help: "Run attempts their connection's rate limit held back: delayed (waited for a turn, then sent), refused (not sent, 429 connection_rate_limited), retry_dropped (a repeated attempt with no turn within the wait: the upstream's last answer stands), or unchecked (the shared bucket could not be asked; sent)",
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
  }

  /** Resolves when the run may be sent (at once without a limit), or rejects with `connection_rate_limited`. */
  async awaitTurn(accessTag: string, env: string, rateLimit: RunRateLimit | undefined): Promise<void> {
    if (rateLimit === undefined) return;
    const turn = await this.#reserve(accessTag, env, rateLimit);
    if (!turn.granted) {
      this.#limited.inc({ outcome: 'refused' });
      throw overLimit(accessTag, env, rateLimit, turn.retryAfterSeconds);
    }
    if (turn.waitMs > 0) await sleep(turn.waitMs);
  }

  /**
   * A turn for a repeated attempt of a run already sent: how long from now it may go, or false when its turn is past
   * the limit's wait and the upstream's last answer stands. Never a 429 of ours, for the run was not refused unsent.
   */
  async retryTurn(accessTag: string, env: string, rateLimit: RunRateLimit | undefined): Promise<number | false> {
    if (rateLimit === undefined) return 0;
    const turn = await this.#reserve(accessTag, env, rateLimit);
    if (turn.granted) return turn.waitMs;
    this.#limited.inc({ outcome: 'retry_dropped' });
    return false;
  }

  async #reserve(accessTag: string, env: string, rateLimit: RunRateLimit): Promise<Turn> {
    const { limit } = rateLimit;
    if (performance.now() < this.#unavailableUntil) {
      this.#limited.inc({ outcome: 'unchecked' });
      return { granted: true, waitMs: 0 };
    }
    let reservation;
    try {
      reservation = await this.buckets.reserve(rateLimit.bucket, bucketLimitOf(limit), limit.max_wait_ms / 1000);
    } catch (error) {
      this.#unavailableUntil = performance.now() + UNAVAILABLE_MS;
      this.#limited.inc({ outcome: 'unchecked' });
      this.logger.warn({ err: error, access_tag: accessTag, env }, `connection rate limits not counted for ${UNAVAILABLE_MS} ms: the database failed a reservation`);
      return { granted: true, waitMs: 0 };
    }
    if (!reservation.granted) return { granted: false, retryAfterSeconds: reservation.retryAfterSeconds };
    if (reservation.waitSeconds > 0) this.#limited.inc({ outcome: 'delayed' });
    return { granted: true, waitMs: reservation.waitSeconds * 1000 };
  }
}

type Turn = { granted: true; waitMs: number } | { granted: false; retryAfterSeconds: number };

function overLimit(accessTag: string, env: string, { limit, source }: RunRateLimit, retryAfterSeconds: number): DomainError {
  const retryAfterMs = Math.ceil(retryAfterSeconds * 1000);
  const whose = source === 'connection' ? 'its own' : "its app's";
  return new DomainError(
    ErrorCode.ConnectionRateLimited,
    `Connection '${accessTag}' is at ${whose} rate limit in env '${env}' (${limit.requests} per ${limit.per}): its next turn is ${retryAfterMs} ms away, past the ${limit.max_wait_ms} ms a run may wait; not sent`,
    { access_tag: accessTag, env, rate_limit: limit, source, retry_after_ms: retryAfterMs },
  );
}
