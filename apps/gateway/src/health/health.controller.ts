import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects, type HealthReply, type Subject } from '@switchboard/contracts';
import { DomainError, NATS_CONNECTION, NatsRequester } from '@switchboard/platform';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator.js';

const SERVICE_HEALTH_SUBJECTS: Record<string, Subject> = {
  catalog: Subjects.CatalogHealthCheck,
  connection: Subjects.ConnectionHealthCheck,
  'secrets-vault': Subjects.SecretsHealthCheck,
  'action-executor': Subjects.ActionsHealthCheck,
};
const PROBE_TIMEOUT_MS = 2000;

/** Liveness (`/health`: the process answers) apart from readiness (`/ready`: every service answers). */
@Public()
@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly nats: NatsRequester,
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
  ) {}

  @Get('health')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ok' | 'error'; checks: Record<string, unknown> }> {
    const entries = await Promise.all(
      Object.entries(SERVICE_HEALTH_SUBJECTS).map(async ([service, subject]) => [service, await this.probe(subject)] as const),
    );
    const checks: Record<string, { status: string }> = {
      nats: { status: this.connection.isClosed() ? 'down' : 'up' },
      ...Object.fromEntries(entries),
    };
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
