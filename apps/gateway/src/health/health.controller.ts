import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects, type HealthReply, type Subject } from '@switchboard/contracts';
import { NATS_CONNECTION, NatsRequester } from '@switchboard/platform';
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
    const checks: Record<string, { status: string; message?: string }> = {
      nats: { status: this.connection.isClosed() ? 'down' : 'up' },
      ...Object.fromEntries(entries),
    };
    const ready = Object.values(checks).every((check) => check.status === 'up');
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'error', checks };
  }

  private async probe(subject: Subject): Promise<{ status: 'up' | 'down'; message?: string }> {
    try {
      const health = await this.nats.request<HealthReply>(subject, {}, PROBE_TIMEOUT_MS);
      return health.status === 'ok' ? { status: 'up' } : { status: 'down', message: JSON.stringify(health.checks) };
    } catch (error) {
      return { status: 'down', message: error instanceof Error ? error.message : String(error) };
    }
  }
}
