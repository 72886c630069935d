import type { HealthCheckResult } from '@nestjs/terminus';
import { readinessOf } from './readiness-checks.js';

describe('readinessOf', () => {
  it('is ok when every check is up, and keeps nothing but each status', () => {
    const result: HealthCheckResult = {
      status: 'ok',
      details: { nats: { status: 'up' }, database: { status: 'up', responseTime: 3 } },
    };
    expect(readinessOf(result, false)).toEqual({ status: 'ok', checks: { nats: { status: 'up' }, database: { status: 'up' } } });
  });

  it('names the check that is down without the message terminus carries', () => {
    const result: HealthCheckResult = {
      status: 'error',
      details: { nats: { status: 'up' }, database: { status: 'down', message: 'connect ECONNREFUSED 10.0.0.7:5432' } },
    };
    const readiness = readinessOf(result, false);
    expect(readiness).toEqual({ status: 'error', checks: { nats: { status: 'up' }, database: { status: 'down' } } });
    expect(JSON.stringify(readiness)).not.toContain('10.0.0.7');
  });

  it('is not ready once shutdown has begun, even with every dependency up', () => {
    expect(readinessOf({ status: 'ok', details: { nats: { status: 'up' } } }, true)).toEqual({
      status: 'error',
      checks: { nats: { status: 'up' }, shutdown: { status: 'down' } },
    });
  });
});
