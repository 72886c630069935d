import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Subjects, type HealthReply, type Subject } from '@switchboard/contracts';
import { DomainError, NatsRequester, ReadinessChecks } from '@switchboard/platform';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator.js';

const SERVICE_HEALTH_SUBJECTS: Record<string, Subject> = {
  catalog: Subjects.CatalogHealthCheck,
  connection: Subjects.ConnectionHealthCheck,
  'secrets-vault': Subjects.SecretsHealthCheck,
  'action-executor': Subjects.ActionsHealthCheck,
};
const PROBE_TIMEOUT_MS = 2000;

/**
 * Liveness (`/health/live`, also `/health`: the process answers) apart from readiness (`/health/ready`, also `/ready`:
 * the gateway's NATS and PostgreSQL answer, and every service answers its health check).
 */
@Public()
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly nats: NatsRequester,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Get(['health', 'health/live'])
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['ready', 'health/ready'])
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'error'; checks: Record<string, unknown> }> {
    const [own, entries] = await Promise.all([
      this.readiness.evaluate(),
      Promise.all(Object.entries(SERVICE_HEALTH_SUBJECTS).map(async ([service, subject]) => [service, await this.probe(subject)] as const)),
    ]);
    const checks: Record<string, { status: string }> = { ...own.checks, ...Object.fromEntries(entries) };
    const ready = Object.values(checks).every((check) => check.status === 'up');
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'error', checks };
  }

  // Only up or down: this route is public, and a service's own errors (database addresses…) stay in its logs.
  private async probe(subject: Subject): Promise<{ status: 'up' | 'down' }> {
    try {
      const health = await this.nats.request<HealthReply>(subject, {}, PROBE_TIMEOUT_MS);
      return { status: health.status === 'ok' ? 'up' : 'down' };
    } catch (error) {
      if (error instanceof DomainError) return { status: 'down' };
      throw error;
    }
  }
}
