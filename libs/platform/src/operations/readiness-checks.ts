import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';

/** Longer than a healthy PostgreSQL, NATS or Vault ever takes, shorter than a Kubernetes probe's default 1 s timeout times its retries. */
const CHECK_TIMEOUT_MS = 1500;

/** What `/health/ready` answers: each dependency up or down, never why (the route is unauthenticated; the why is logged). */
export interface Readiness {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down' }>;
}

/** A dependency's probe: resolves when it answers; its `signal` aborts when the check times out. */
export type ReadinessProbe = (options: { signal: AbortSignal }) => Promise<unknown>;

/**
 * The dependencies one process cannot serve without (NATS, PostgreSQL, Vault when configured), each registered by the
 * module that owns the connection, checked together with terminus when a readiness probe asks.
 */
@Injectable()
export class ReadinessChecks {
  readonly #probes = new Map<string, ReadinessProbe>();
  #shuttingDown = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** Adds a dependency under `name`; it is up while `probe` resolves within the check's timeout. */
  register(name: string, probe: ReadinessProbe): void {
    if (this.#probes.has(name)) throw new Error(`A readiness check named "${name}" is already registered`);
    this.#probes.set(name, probe);
  }

  /** From now on not ready, so that a load balancer stops sending work while the process drains. */
  shutdownStarted(): void {
    this.#shuttingDown = true;
  }

  async evaluate(): Promise<Readiness> {
    const indicators = [...this.#probes].map(
      ([name, probe]) =>
        () =>
          this.indicators
            .check(name)
            .attempt(async (options) => {
              await probe(options);
            })
            .withTimeout(CHECK_TIMEOUT_MS),
    );
    let result: HealthCheckResult;
    try {
      result = await this.health.check(indicators);
    } catch (error) {
      // terminus reports a dependency down by throwing its whole result (and logs the failures with their messages).
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    return readinessOf(result, this.#shuttingDown);
  }
}

/** terminus's result without the messages it carries: only each check's up or down, and the shutdown. */
export function readinessOf(result: HealthCheckResult, shuttingDown: boolean): Readiness {
  const checks: Readiness['checks'] = {};
  for (const [name, detail] of Object.entries(result.details)) checks[name] = { status: detail.status === 'down' ? 'down' : 'up' };
  if (shuttingDown) checks.shutdown = { status: 'down' };
  const ready = Object.values(checks).every((check) => check.status === 'up');
  return { status: ready ? 'ok' : 'error', checks };
}
